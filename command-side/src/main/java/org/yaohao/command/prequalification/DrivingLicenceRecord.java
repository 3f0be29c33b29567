package org.yaohao.command.prequalification;

import java.time.LocalDate;

/**
 * What the traffic-management registry knows of one person's driving licence.
 *
 * @param validUntil last day the licence is valid, inclusive
 */
public record DrivingLicenceRecord(LocalDate validUntil) {

    /** Whether the licence is valid on {@code day}. */
    public boolean validOn(LocalDate day) {
        return validUntil != null && !validUntil.isBefore(day);
    }
}
