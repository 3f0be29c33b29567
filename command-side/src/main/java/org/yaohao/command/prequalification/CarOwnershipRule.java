package org.yaohao.command.prequalification;

import org.yaohao.kernel.application.RejectionReason;

import java.util.Optional;

/**
 * Rule book, Applicants: an individual has "no passenger car registered in their name"; in a family "no member
 * ... owns a car registered in Beijing".
 */
final class CarOwnershipRule {

    private CarOwnershipRule() {
    }

    static Optional<Failure> judge(CarOwnershipRecord cars) {
        int count = cars.passengerCarsRegisteredInBeijing();
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(new Failure(RejectionReason.CAR_ALREADY_OWNED,
                count + (count == 1 ? " passenger car" : " passenger cars") + " registered in Beijing"));
    }
}
