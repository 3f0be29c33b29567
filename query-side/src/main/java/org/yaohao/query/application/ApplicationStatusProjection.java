package org.yaohao.query.application;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
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
import org.yaohao.kernel.application.Registry;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.query.application.ApplicationStatusDocument.Enterprise;
import org.yaohao.query.application.ApplicationStatusDocument.Prequalification;
import org.yaohao.query.application.ApplicationStatusDocument.TimelineEntry;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.yaohao.kernel.common.MessageMetadata.ACTING_USER;
import static org.yaohao.kernel.common.MessageMetadata.CHANNEL;
import static org.yaohao.kernel.common.MessageMetadata.DISTRICT;

/**
 * Projects the Application's events into one {@link ApplicationStatusDocument} per application.
 * <p>
 * Idempotent: the document remembers the aggregate sequence number of the last event applied, and an event at or
 * below it changes nothing, so redelivery after a crash (the token is stored after the documents) and a full replay
 * (an empty token store) both leave the same documents. Each handler reads the document by {@code _id}, computes the
 * next one in full and replaces it.
 * <p>
 * Metadata ({@code channel}, {@code district}, {@code actingUser}, see
 * {@link org.yaohao.kernel.common.MessageMetadata}) goes into the timeline as is; any of it may be absent.
 */
@Component
@ProcessingGroup(ApplicationStatusProjection.PROCESSING_GROUP)
public class ApplicationStatusProjection {

    /** The processing group (and event processor) name; its tracking token lives with the documents. */
    public static final String PROCESSING_GROUP = "application-status";

    private static final Logger log = LoggerFactory.getLogger(ApplicationStatusProjection.class);

    private final ApplicationStatusRepository repository;

    ApplicationStatusProjection(ApplicationStatusRepository repository) {
        this.repository = repository;
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
