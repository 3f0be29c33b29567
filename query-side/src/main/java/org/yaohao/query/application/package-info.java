/**
 * The application status read model: a projection of the Application's events, of the Deposit's events of its
 * deposits and of the AllocationRound's pool events ({@code PoolFrozenEvent}, {@code PoolDrawnEvent}: the rounds it
 * entered, with pool, weights and sequence numbers) into one small MongoDB document per application (keyed by its
 * code), the query handler that answers {@code FindApplicationStatusQuery} and {@code FindRoundParticipationQuery}
 * from it, and the HTTP resource {@code GET /api/applications/{code}}.
 * <p>
 * The projection is idempotent (it remembers the last aggregate sequence number it applied, per application
 * and per deposit, and recomputes a round's entry from the round event's content) because replays and
 * redeliveries happen; the document holds ID numbers only in masked form and no names or phone numbers.
 */
package org.yaohao.query.application;
