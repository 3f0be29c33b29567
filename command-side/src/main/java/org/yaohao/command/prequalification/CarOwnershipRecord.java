package org.yaohao.command.prequalification;

/** What the vehicle registry knows of one person: how many passenger cars are registered in Beijing in their name. */
public record CarOwnershipRecord(int passengerCarsRegisteredInBeijing) {

    public CarOwnershipRecord {
        if (passengerCarsRegisteredInBeijing < 0) {
            throw new IllegalArgumentException("a car count cannot be negative");
        }
    }
}
