package org.yaohao.kernel.quota;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * A car registered against the quota: {@code ownerId} is the ID number (or, for an enterprise, the credit code) of
 * the person the car is registered to, checked against the holder's application and not kept.
 */
public record RegisterVehicleCommand(@TargetAggregateIdentifier QuotaId quotaId, String ownerId, Vin vin,
                                     BeijingPlate plateNumber, LocalDate registeredOn) {

    @Override
    public String toString() {
        return "RegisterVehicleCommand[quotaId=" + quotaId + ", vin=" + vin + ", plateNumber=" + plateNumber
                + ", registeredOn=" + registeredOn + "]";
    }
}
