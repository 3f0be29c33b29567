package org.yaohao.kernel.round;

import org.yaohao.kernel.application.QuotaType;

import java.time.LocalDate;

/** A round in the list of rounds: what it allocates, where it stands, when it is drawn and under which policy. */
public record RoundSummaryView(String roundId,
                               QuotaType quotaType,
                               RoundStatus status,
                               LocalDate drawDate,
                               LocalDate cutOff,
                               String policyVersion) {
}
