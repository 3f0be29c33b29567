package org.yaohao.kernel.round;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The results are public from {@code publishedOn}: the day refunds of non-winners count from. */
@Revision("1")
public record RoundResultsPublishedEvent(RoundId roundId, LocalDate publishedOn, String policyVersion) {
}
