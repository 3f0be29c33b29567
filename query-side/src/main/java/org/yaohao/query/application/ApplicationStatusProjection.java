package org.yaohao.query.application;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageHandlerTimeout;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.ApplicationRejectedEvent;
import org.yaohao.kernel.application.ApplicationSentToManualReviewEvent;
import org.yaohao.kernel.application.ApplicationStatus;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.ApplicationWithdrawnEvent;
import org.yaohao.kernel.application.FailedCheck;
import org.yaohao.kernel.application.QuotaTypeChangedEvent;
import org.yaohao.kernel.application.RoundOutcomeRecordedEvent;
import org.yaohao.kernel.application.Registry;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.deposit.DepositCancelledEvent;
import org.yaohao.kernel.deposit.DepositCarriedOverEvent;
import org.yaohao.kernel.deposit.DepositConvertedEvent;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.DepositInstalmentPaidEvent;
import org.yaohao.kernel.deposit.DepositPaidInFullEvent;
import org.yaohao.kernel.deposit.DepositRefundLinePaidEvent;
import org.yaohao.kernel.deposit.DepositRefundOverdueEvent;
import org.yaohao.kernel.deposit.DepositRefundScheduledEvent;
import org.yaohao.kernel.deposit.DepositRefundedEvent;
import org.yaohao.kernel.deposit.DepositRequestedEvent;
import org.yaohao.kernel.deposit.PaymentPlan;
import org.yaohao.kernel.deposit.PaymentRoute;
import org.yaohao.kernel.round.PoolDrawnEvent;
import org.yaohao.kernel.round.PoolEntriesFrozenEvent;
import org.yaohao.kernel.round.PoolFrozenEvent;
import org.yaohao.kernel.round.RoundHandling;
import org.yaohao.query.application.ApplicationStatusDocument.Enterprise;
import org.yaohao.query.application.ApplicationStatusDocument.Prequalification;
import org.yaohao.query.application.ApplicationStatusDocument.TimelineEntry;
import org.yaohao.query.store.BufferedCollection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.yaohao.kernel.common.MessageMetadata.ACTING_USER;
import static org.yaohao.kernel.common.MessageMetadata.CHANNEL;
import static org.yaohao.kernel.common.MessageMetadata.DISTRICT;

/**
 * Projects the Application's events, and the Deposit's events of its deposits, into one
 * {@link ApplicationStatusDocument} per application.
 * <p>
 * Idempotent: the document remembers the aggregate sequence number of the last event applied, and an event at or
 * below it changes nothing, so redelivery after a crash (the token is stored after the documents) and a full replay
 * (an empty token store) both leave the same documents. Each handler reads the document by {@code _id}, computes the
 * next one in full and replaces it. Deposit events come from another aggregate (the deposit, whose aggregate id is
 * the deposit id) and are found by the application code they carry; each deposit inside the document remembers the
 * last sequence number of its own events (see {@link DepositEntry}). Axon hands both aggregates' events to this one
 * processing group in their global order, so a deposit is always requested after its application was submitted.
 * <p>
 * Metadata ({@code channel}, {@code district}, {@code actingUser}, see
 * {@link org.yaohao.kernel.common.MessageMetadata}) goes into the timeline as is; any of it may be absent.
 */
@Component
@ProcessingGroup(ApplicationStatusProjection.PROCESSING_GROUP)
public class ApplicationStatusProjection {

    /** The processing group (and event processor) name; its tracking token lives with the documents. */
    public static final String PROCESSING_GROUP = "application-status";

    /** The collections this projection writes: what a rebuild replaces. */
    public static final List<String> COLLECTIONS = List.of(ApplicationStatusRepository.COLLECTION,
                                                           ApplicationStatusRepository.DRAWN_POOLS);

    private static final Logger log = LoggerFactory.getLogger(ApplicationStatusProjection.class);

    private final ApplicationStatusRepository repository;

    ApplicationStatusProjection(ApplicationStatusRepository repository) {
        this.repository = repository;
    }

    /** A fresh instance writing into {@code database}: a rebuild next to the live projection. */
    public static Object writingTo(MongoDatabase database) {
        return new ApplicationStatusProjection(new ApplicationStatusRepository(database));
    }

    @EventHandler
    void on(ApplicationSubmittedEvent event,
            @Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue(CHANNEL) String channel,
            @MetaDataValue(DISTRICT) String district,
            @MetaDataValue(ACTING_USER) String actingUser) {
        String code = event.code().value();
        if (repository.find(code).filter(document -> document.hasApplied(sequence)).isPresent()) {
            log.debug("{} of application {} at sequence {} already applied", eventName(event), code, sequence);
            return;
        }
        TimelineEntry entry = new TimelineEntry(at, eventName(event), submittedDescription(event),
                                                channel, district, actingUser);
        repository.save(new ApplicationStatusDocument(
                code,
                event.kind(),
                event.quotaType(),
                ApplicationStatus.AWAITING_PREQUALIFICATION,
                event.applicant() == null ? null : event.applicant().idNumber().masked(),
                event.members().stream().map(member -> member.person().idNumber().masked()).toList(),
                event.generations(),
                event.enterprise() == null ? null : new Enterprise(event.enterprise().creditCode().value(),
                                                                   event.enterprise().name(),
                                                                   event.enterprise().requestedQuotas()),
                Prequalification.pending(),
                event.submittedAt(),
                event.policyVersion(),
                List.of(),
                List.of(),
                List.of(entry),
                sequence));
    }

    @EventHandler
    void on(ApplicationPrequalifiedEvent event,
            @Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue(CHANNEL) String channel,
            @MetaDataValue(DISTRICT) String district,
            @MetaDataValue(ACTING_USER) String actingUser) {
        TimelineEntry entry = new TimelineEntry(at, eventName(event),
                                                "Every pre-qualification check passed; the code is a valid code",
                                                channel, district, actingUser);
        update(event.code(), sequence, document -> document.next(
                ApplicationStatus.PREQUALIFIED, document.quotaType(),
                Prequalification.prequalified(event.prequalifiedAt()), event.policyVersion(), entry, sequence));
    }

    @EventHandler
    void on(ApplicationRejectedEvent event,
            @Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue(CHANNEL) String channel,
            @MetaDataValue(DISTRICT) String district,
            @MetaDataValue(ACTING_USER) String actingUser) {
        String reasons = event.failedChecks().stream()
                              .map(FailedCheck::reason)
                              .distinct()
                              .map(Enum::name)
                              .collect(Collectors.joining(", "));
        TimelineEntry entry = new TimelineEntry(at, eventName(event), "Pre-qualification failed: " + reasons,
                                                channel, district, actingUser);
        update(event.code(), sequence, document -> document.next(
                ApplicationStatus.REJECTED, document.quotaType(),
                Prequalification.rejected(event.rejectedAt(), event.failedChecks()), event.policyVersion(),
                entry, sequence));
    }

    @EventHandler
    void on(ApplicationSentToManualReviewEvent event,
            @Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue(CHANNEL) String channel,
            @MetaDataValue(DISTRICT) String district,
            @MetaDataValue(ACTING_USER) String actingUser) {
        String unanswered = event.unansweredRegistries().stream()
                                 .map(Registry::name)
                                 .collect(Collectors.joining(", "));
        TimelineEntry entry = new TimelineEntry(at, eventName(event),
                                                "Sent to manual review; no answer in time from: " + unanswered,
                                                channel, district, actingUser);
        update(event.code(), sequence, document -> document.next(
                ApplicationStatus.MANUAL_REVIEW, document.quotaType(),
                Prequalification.manualReview(event.sentAt(), event.unansweredRegistries()), event.policyVersion(),
                entry, sequence));
    }

    @EventHandler
    void on(QuotaTypeChangedEvent event,
            @Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue(CHANNEL) String channel,
            @MetaDataValue(DISTRICT) String district,
            @MetaDataValue(ACTING_USER) String actingUser) {
        TimelineEntry entry = new TimelineEntry(at, eventName(event),
                                                "Quota type changed from " + event.from() + " to " + event.to(),
                                                channel, district, actingUser);
        update(event.code(), sequence, document -> document.next(
                document.status(), event.to(), document.prequalification(), event.policyVersion(), entry, sequence));
    }

    /** The applicant's reason is free text and may hold personal data: it is not stored. */
    @EventHandler
    void on(RoundOutcomeRecordedEvent event,
            @Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue(CHANNEL) String channel,
            @MetaDataValue(DISTRICT) String district,
            @MetaDataValue(ACTING_USER) String actingUser) {
        String description = event.won()
                ? "Drawn in round " + event.roundId() + " (sequence number " + event.sequence() + "): a quota is issued"
                : "Took part in round " + event.roundId() + " without winning; stays in the following rounds";
        TimelineEntry entry = new TimelineEntry(at, eventName(event), description, channel, district, actingUser);
        String roundId = event.roundId().value();
        update(event.code(), sequence, document -> document
                .withRound(RoundEntry.outcome(document.round(roundId).orElse(null), roundId, event.won(),
                                              event.sequence()))
                .next(event.won() ? ApplicationStatus.DRAWN : document.status(), document.quotaType(),
                      document.prequalification(), event.policyVersion(), entry, sequence));
    }

    // ---- the AllocationRound's events (another aggregate: the round id is its aggregate id) ------------------------

    /**
     * Each application with entries in the pool gets the round, its pool and its entries' weights. The entries are
     * grouped by application code (their first 13 characters: an enterprise's {@code code-n} are its own); codes
     * this store does not know are skipped. Nothing is written when the document already holds exactly this, so a
     * redelivered freeze only reads.
     */
    @EventHandler
    @MessageHandlerTimeout(timeoutMs = RoundHandling.WHOLE_POOL_TIMEOUT_MS,
                           warningThresholdMs = RoundHandling.WHOLE_POOL_WARNING_MS,
                           warningIntervalMs = RoundHandling.WHOLE_POOL_WARNING_MS)
    void on(PoolEntriesFrozenEvent event) {
        String roundId = event.roundId().value();
        Map<String, List<RoundEntry.Entry>> byApplication = new LinkedHashMap<>();
        for (PoolFrozenEvent.Entry entry : event.entries()) {
            byApplication.computeIfAbsent(ApplicationCode.ofEntry(entry.code()), code -> new ArrayList<>())
                         .add(new RoundEntry.Entry(entry.code(), entry.weight(), null));
        }
        repository.prefetch(byApplication.keySet());
        byApplication.forEach((code, entries) -> changeRound(code, roundId, current ->
                RoundEntry.frozen(current, roundId, event.pool(), entries)));
        // a pool's chunks follow each other in the log, so one batch may hold all of them: write each chunk's
        // documents now rather than keeping millions of them for the end of the batch
        BufferedCollection.flush();
    }

    /**
     * Each winner's application gets the sequence numbers of its entries; then the pool is recorded as drawn, which
     * makes every other entrant of the pool "not drawn" without writing to their documents. The marker is written
     * last, so a crash in between is repaired by the redelivery before anyone reads a winner as not drawn.
     */
    @EventHandler
    @MessageHandlerTimeout(timeoutMs = RoundHandling.WHOLE_POOL_TIMEOUT_MS,
                           warningThresholdMs = RoundHandling.WHOLE_POOL_WARNING_MS,
                           warningIntervalMs = RoundHandling.WHOLE_POOL_WARNING_MS)
    void on(PoolDrawnEvent event) {
        String roundId = event.roundId().value();
        Map<String, Map<String, Integer>> byApplication = new LinkedHashMap<>();
        for (PoolDrawnEvent.Winner winner : event.winners()) {
            byApplication.computeIfAbsent(ApplicationCode.ofEntry(winner.code()), code -> new LinkedHashMap<>())
                         .put(winner.code(), winner.sequence());
        }
        repository.prefetch(byApplication.keySet());
        byApplication.forEach((code, sequences) -> changeRound(code, roundId, current ->
                RoundEntry.drawn(current, roundId, event.pool(), sequences)));
        repository.markDrawn(roundId, event.pool());
    }

    /** Replaces the application's entry for the round, when the application is known and the entry changes. */
    private void changeRound(String code, String roundId, UnaryOperator<RoundEntry> change) {
        ApplicationStatusDocument current = repository.find(code).orElse(null);
        if (current == null) {
            log.debug("No status document for application {}; its entry in round {} skipped", code, roundId);
            return;
        }
        RoundEntry before = current.round(roundId).orElse(null);
        RoundEntry after = change.apply(before);
        if (!after.equals(before)) {
            repository.save(current.withRound(after));
        }
    }

    @EventHandler
    void on(ApplicationWithdrawnEvent event,
            @Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue(CHANNEL) String channel,
            @MetaDataValue(DISTRICT) String district,
            @MetaDataValue(ACTING_USER) String actingUser) {
        TimelineEntry entry = new TimelineEntry(at, eventName(event), "Withdrawn by the applicant",
                                                channel, district, actingUser);
        update(event.code(), sequence, document -> document.next(
                ApplicationStatus.WITHDRAWN, document.quotaType(), document.prequalification(),
                event.policyVersion(), entry, sequence));
    }

    // ---- the Deposit's events (another aggregate: the deposit id is its aggregate id) --------------------------------

    @EventHandler
    void on(DepositRequestedEvent event,
            @Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue(CHANNEL) String channel,
            @MetaDataValue(DISTRICT) String district,
            @MetaDataValue(ACTING_USER) String actingUser) {
        String split = event.plan() == PaymentPlan.INSTALMENTS
                ? "in " + event.instalments().size() + " instalments of " + event.instalments().stream()
                        .map(ApplicationStatusProjection::money).collect(Collectors.joining(", "))
                : "in one payment";
        TimelineEntry entry = new TimelineEntry(at, eventName(event), "Deposit for round " + event.roundId()
                + " requested: " + money(event.amountDue()) + ", " + split, channel, district, actingUser);
        changeDeposit(event.code(), event.depositId(), sequence, entry, existing -> DepositEntry.requested(
                event.depositId().value(), event.roundId().value(), event.plan(), event.amountDue().fen(),
                event.instalments().stream().map(MoneyFen::fen).toList(), sequence));
    }

    /** The payment reference and the route's account are not stored; the method (e.g. BANK_CARD) is. */
    @EventHandler
    void on(DepositInstalmentPaidEvent event,
            @Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue(CHANNEL) String channel,
            @MetaDataValue(DISTRICT) String district,
            @MetaDataValue(ACTING_USER) String actingUser) {
        TimelineEntry entry = new TimelineEntry(at, eventName(event), "Deposit payment of " + money(event.amount())
                + " received" + by(event.route()) + "; " + money(event.paidTotal()) + " paid so far",
                channel, district, actingUser);
        changeRequestedDeposit(event.code(), event.depositId(), sequence, entry,
                               deposit -> deposit.paid(event.paidTotal().fen(), event.paidAt(), sequence));
    }

    @EventHandler
    void on(DepositPaidInFullEvent event,
            @Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue(CHANNEL) String channel,
            @MetaDataValue(DISTRICT) String district,
            @MetaDataValue(ACTING_USER) String actingUser) {
        TimelineEntry entry = new TimelineEntry(at, eventName(event), "Deposit for round " + event.roundId()
                + " paid in full: " + money(event.amount()), channel, district, actingUser);
        changeRequestedDeposit(event.code(), event.depositId(), sequence, entry,
                               deposit -> deposit.paidInFull(event.amount().fen(), event.paidAt(), sequence));
    }

    /** The refund lines' references and accounts are not stored. */
    @EventHandler
    void on(DepositRefundScheduledEvent event,
            @Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue(CHANNEL) String channel,
            @MetaDataValue(DISTRICT) String district,
            @MetaDataValue(ACTING_USER) String actingUser) {
        TimelineEntry entry = new TimelineEntry(at, eventName(event), "Refund of " + money(event.amount())
                + " scheduled (" + event.reason() + "), due by " + event.dueDate(), channel, district, actingUser);
        changeRequestedDeposit(event.code(), event.depositId(), sequence, entry,
                               deposit -> deposit.refundScheduled(event.dueDate(), sequence));
    }

    @EventHandler
    void on(DepositRefundLinePaidEvent event,
            @Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue(CHANNEL) String channel,
            @MetaDataValue(DISTRICT) String district,
            @MetaDataValue(ACTING_USER) String actingUser) {
        TimelineEntry entry = new TimelineEntry(at, eventName(event), "Refund of " + money(event.amount())
                + " paid out" + by(event.route()), channel, district, actingUser);
        changeRequestedDeposit(event.code(), event.depositId(), sequence, entry,
                               deposit -> deposit.applied(sequence));
    }

    @EventHandler
    void on(DepositRefundedEvent event,
            @Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue(CHANNEL) String channel,
            @MetaDataValue(DISTRICT) String district,
            @MetaDataValue(ACTING_USER) String actingUser) {
        TimelineEntry entry = new TimelineEntry(at, eventName(event), "Deposit refunded: " + money(event.amount()),
                                                channel, district, actingUser);
        changeRequestedDeposit(event.code(), event.depositId(), sequence, entry,
                               deposit -> deposit.refunded(event.refundedAt(), sequence));
    }

    @EventHandler
    void on(DepositRefundOverdueEvent event,
            @Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue(CHANNEL) String channel,
            @MetaDataValue(DISTRICT) String district,
            @MetaDataValue(ACTING_USER) String actingUser) {
        TimelineEntry entry = new TimelineEntry(at, eventName(event), "Refund not confirmed by its due date "
                + event.dueDate() + ": " + money(event.outstanding()) + " outstanding", channel, district, actingUser);
        changeRequestedDeposit(event.code(), event.depositId(), sequence, entry,
                               deposit -> deposit.refundOverdue(event.dueDate(), sequence));
    }

    /** The event carries no time of its own: the deposit was converted when the event was published. */
    @EventHandler
    void on(DepositConvertedEvent event,
            @Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue(CHANNEL) String channel,
            @MetaDataValue(DISTRICT) String district,
            @MetaDataValue(ACTING_USER) String actingUser) {
        TimelineEntry entry = new TimelineEntry(at, eventName(event), "Deposit of " + money(event.amount())
                + " converted into the vehicle fee", channel, district, actingUser);
        changeRequestedDeposit(event.code(), event.depositId(), sequence, entry,
                               deposit -> deposit.converted(at, sequence));
    }

    @EventHandler
    void on(DepositCarriedOverEvent event,
            @Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue(CHANNEL) String channel,
            @MetaDataValue(DISTRICT) String district,
            @MetaDataValue(ACTING_USER) String actingUser) {
        TimelineEntry entry = new TimelineEntry(at, eventName(event), "Deposit of " + money(event.amount())
                + " carried over to round " + event.nextRound(), channel, district, actingUser);
        changeRequestedDeposit(event.code(), event.depositId(), sequence, entry,
                               deposit -> deposit.carriedOver(event.nextRound().value(), sequence));
    }

    @EventHandler
    void on(DepositCancelledEvent event,
            @Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue(CHANNEL) String channel,
            @MetaDataValue(DISTRICT) String district,
            @MetaDataValue(ACTING_USER) String actingUser) {
        TimelineEntry entry = new TimelineEntry(at, eventName(event), "Deposit cancelled; nothing had been paid",
                                                channel, district, actingUser);
        changeRequestedDeposit(event.code(), event.depositId(), sequence, entry, deposit -> deposit.cancelled(sequence));
    }

    private void update(ApplicationCode code, long sequence, UnaryOperator<ApplicationStatusDocument> change) {
        ApplicationStatusDocument current = repository.find(code.value()).orElse(null);
        if (current == null) {
            // Only possible if the processor started after the submission; there is nothing sensible to build on.
            log.warn("No status document for application {}; event at sequence {} skipped", code, sequence);
            return;
        }
        if (current.hasApplied(sequence)) {
            log.debug("Event of application {} at sequence {} already applied", code, sequence);
            return;
        }
        repository.save(change.apply(current));
    }

    /**
     * Applies one deposit event to the application's document, unless the deposit already applied an event at or
     * beyond {@code sequence} (the deposit's own sequence numbers; the application's do not apply).
     *
     * @param change the deposit after the event, given the deposit so far ({@code null} when not requested yet)
     */
    private void changeDeposit(ApplicationCode code, DepositId depositId, long sequence, TimelineEntry entry,
                               UnaryOperator<DepositEntry> change) {
        ApplicationStatusDocument current = repository.find(code.value()).orElse(null);
        if (current == null) {
            log.warn("No status document for application {}; deposit {} event at sequence {} skipped",
                     code, depositId, sequence);
            return;
        }
        DepositEntry deposit = current.deposit(depositId.value()).orElse(null);
        if (deposit != null && deposit.hasApplied(sequence)) {
            log.debug("Event of deposit {} at sequence {} already applied", depositId, sequence);
            return;
        }
        DepositEntry next = change.apply(deposit);
        if (next == null) {
            log.warn("Deposit {} was never requested; event at sequence {} skipped", depositId, sequence);
            return;
        }
        repository.save(current.withDeposit(next, entry));
    }

    /** As {@link #changeDeposit}, for an event that needs the deposit to have been requested. */
    private void changeRequestedDeposit(ApplicationCode code, DepositId depositId, long sequence, TimelineEntry entry,
                                        UnaryOperator<DepositEntry> change) {
        changeDeposit(code, depositId, sequence, entry, deposit -> deposit == null ? null : change.apply(deposit));
    }

    /** An amount as the timeline shows it, in yuan and in fen: {@code 666.67 yuan (66667 fen)}. */
    static String money(MoneyFen amount) {
        return String.format("%d.%02d yuan (%d fen)", amount.fen() / 100, amount.fen() % 100, amount.fen());
    }

    /** The payment method only (e.g. {@code " by BANK_CARD"}): the account stays out of the timeline. */
    private static String by(PaymentRoute route) {
        return route == null || route.method() == null ? "" : " by " + route.method();
    }

    private static String submittedDescription(ApplicationSubmittedEvent event) {
        String what = event.kind() + " application submitted for the " + event.quotaType() + " quota";
        return switch (event.kind()) {
            case INDIVIDUAL -> what;
            case FAMILY -> what + " (" + (event.members().size() + 1) + " persons, "
                    + event.generations() + " generations)";
            case ENTERPRISE -> what + " (" + (event.enterprise() == null ? 0 : event.enterprise().requestedQuotas())
                    + " quotas requested)";
        };
    }

    /** The event's name in the timeline: its class name without {@code Event} (class names never change). */
    private static String eventName(Object event) {
        return event.getClass().getSimpleName().replaceFirst("Event$", "");
    }
}
