package org.yaohao.command.prequalification;

import org.yaohao.kernel.application.RejectionReason;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Rule book, Applicants: an individual "holds a valid driver's licence"; in a family only the main applicant must
 * ("each member meets the individual rules except the driver's licence").
 * <p>
 * Reading: the licence must be valid on the day of applying; its last valid day counts.
 */
final class DrivingLicenceRule {

    private DrivingLicenceRule() {
    }

    static Optional<Failure> judge(DrivingLicenceRecord licence, LocalDate referenceDate) {
        if (licence.validOn(referenceDate)) {
            return Optional.empty();
        }
        String detail = licence.validUntil() == null
                ? "the licence on record has no validity date"
                : "licence valid until " + licence.validUntil() + ", applied on " + referenceDate;
        return Optional.of(new Failure(RejectionReason.NO_VALID_DRIVING_LICENCE, detail));
    }
}
