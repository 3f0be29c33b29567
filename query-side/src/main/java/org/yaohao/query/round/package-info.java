/**
 * The allocation rounds' public read model: a projection of the AllocationRound's events into one small MongoDB
 * document per round in {@code rounds} (status, seed commitment and seed, per pool the quota, entry count, total
 * weight, digest and winners in draw order), and each frozen pool's canonical text in {@code frozen_pools}, chunked,
 * outside the round document. Served as {@code GET /api/rounds/{roundId}} and {@code …/results} through the query
 * bus ({@code FindRoundQuery}, {@code FindRoundResultsQuery}) and {@code …/pools/{pool}} streamed from the
 * repository, so that {@code sha256sum} of the download equals the published digest. {@code GET /api/rounds} lists the
 * rounds ({@code FindRoundsQuery}); {@code GET /api/rounds/{roundId}/results/{code}} answers one application's part in
 * a round ({@code FindRoundSummaryQuery} for the round, then {@code FindRoundParticipationQuery}, which the
 * application status read model answers: it keeps each application's entries, weights and sequence numbers).
 * <p>
 * No personal data: application codes, weights and published draw inputs only. The projection is idempotent (it
 * remembers the last aggregate sequence number it applied per round) because replays and redeliveries happen.
 */
package org.yaohao.query.round;
