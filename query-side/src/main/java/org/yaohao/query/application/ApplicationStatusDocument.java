package org.yaohao.query.application;

import org.bson.Document;
import org.bson.types.Binary;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.ApplicationStatus;
import org.yaohao.kernel.application.ApplicationStatusView;
import org.yaohao.kernel.application.FailedCheck;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.Registry;
import org.yaohao.kernel.application.RejectionReason;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.query.store.CompressedBson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * One application's status as stored in the {@code application_status} collection, {@code _id} = the application
 * code. Mapped to and from {@link Document} by hand so the stored shape is explicit and small.
 * <p>
 * Personal data: ID numbers only masked (first 6 and last 4 characters), no names, no phone numbers, no free text
 * written by the applicant. An enterprise's credit code and name are a public registration and are kept.
 *
 * <p>
 * Fields without a value are left out of the stored document (and read back as absent), which keeps it small. The
 * fields a reader filters on are stored as they are; the rest, most of the document, as one compressed BSON value
 * ({@value #BODY}): the standalone jar's in-process MongoDB server would otherwise keep ~14 KB of Java objects per
 * application once it has a round and a refunded deposit behind it (see {@code docs/benchmarks.md}).
 *
 * @param rounds       the rounds entered, in the order their pools were frozen; changed by the round's events,
 *                     which do not move {@code lastSequence} (see {@link RoundEntry})
 * @param deposits     the deposits of the rounds entered, oldest first; each remembers its own last sequence
 * @param lastSequence the Application aggregate's sequence number of the last application event applied; an event
 *                     at or below it was already applied and is ignored (redelivery, replay). Deposit events come
 *                     from another aggregate and do not move it.
 */
record ApplicationStatusDocument(String code,
                                 ApplicantKind kind,
                                 QuotaType quotaType,
                                 ApplicationStatus status,
                                 String applicantIdNumber,
                                 List<String> memberIdNumbers,
                                 int generations,
                                 Enterprise enterprise,
                                 Prequalification prequalification,
                                 Instant submittedAt,
                                 String policyVersion,
                                 List<RoundEntry> rounds,
                                 List<DepositEntry> deposits,
                                 List<TimelineEntry> timeline,
                                 long lastSequence) {

    /** The stored field holding the compressed rest of the document. */
    static final String BODY = "body";

    /** The fields stored as they are, outside {@value #BODY}: what a reader may filter on. */
    private static final Set<String> TOP_LEVEL =
            Set.of("_id", "kind", "quotaType", "status", "submittedAt", "policyVersion", "lastSequence");

    /** A raw resident ID number inside free text: 17 digits and a check character, not part of a longer token. */
    private static final Pattern RAW_ID_NUMBER =
            Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[\\dXx])(?![0-9A-Za-z])");

    ApplicationStatusDocument {
        memberIdNumbers = memberIdNumbers == null ? List.of() : List.copyOf(memberIdNumbers);
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
        deposits = deposits == null ? List.of() : List.copyOf(deposits);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /** The document after one more event: the given state, the entry appended, {@code sequence} remembered. */
    ApplicationStatusDocument next(ApplicationStatus newStatus,
                                   QuotaType newQuotaType,
                                   Prequalification newPrequalification,
                                   String newPolicyVersion,
                                   TimelineEntry entry,
                                   long sequence) {
        List<TimelineEntry> entries = new ArrayList<>(timeline);
        entries.add(entry);
        return new ApplicationStatusDocument(code, kind, newQuotaType, newStatus, applicantIdNumber, memberIdNumbers,
                generations, enterprise, newPrequalification, submittedAt, newPolicyVersion, rounds, deposits, entries,
                sequence);
    }

    /** The deposit with this id, if it was requested. */
    Optional<DepositEntry> deposit(String depositId) {
        return deposits.stream().filter(d -> d.depositId().equals(depositId)).findFirst();
    }

    /**
     * The document after one more deposit event: the deposit replaced (or appended when new), the entry appended.
     * The application's {@code lastSequence} is left as it is.
     */
    ApplicationStatusDocument withDeposit(DepositEntry deposit, TimelineEntry entry) {
        List<DepositEntry> updated = new ArrayList<>(deposits);
        int index = updated.stream().map(DepositEntry::depositId).toList().indexOf(deposit.depositId());
        if (index < 0) {
            updated.add(deposit);
        } else {
            updated.set(index, deposit);
        }
        List<TimelineEntry> entries = new ArrayList<>(timeline);
        entries.add(entry);
        return new ApplicationStatusDocument(code, kind, quotaType, status, applicantIdNumber, memberIdNumbers,
                generations, enterprise, prequalification, submittedAt, policyVersion, rounds, updated, entries,
                lastSequence);
    }

    /** The round with this id, if the application entered it (or has an outcome in it). */
    Optional<RoundEntry> round(String roundId) {
        return rounds.stream().filter(r -> r.roundId().equals(roundId)).findFirst();
    }

    /**
     * The document with one round replaced (or appended when new). Round events come from another aggregate: the
     * application's {@code lastSequence} and timeline are left as they are.
     */
    ApplicationStatusDocument withRound(RoundEntry round) {
        List<RoundEntry> updated = new ArrayList<>(rounds);
        int index = updated.stream().map(RoundEntry::roundId).toList().indexOf(round.roundId());
        if (index < 0) {
            updated.add(round);
        } else {
            updated.set(index, round);
        }
        return new ApplicationStatusDocument(code, kind, quotaType, status, applicantIdNumber, memberIdNumbers,
                generations, enterprise, prequalification, submittedAt, policyVersion, updated, deposits, timeline,
                lastSequence);
    }

    /** Whether the event with this aggregate sequence number has already been applied. */
    boolean hasApplied(long sequence) {
        return sequence <= lastSequence;
    }

    /** The view, no pool being known as drawn (a round's outcome then comes from its winners and recorded outcome). */
    ApplicationStatusView toView() {
        return toView((roundId, pool) -> false);
    }

    /** @param poolDrawn whether a round's pool (round id, pool) is known to be drawn */
    ApplicationStatusView toView(BiPredicate<String, PoolKind> poolDrawn) {
        return new ApplicationStatusView(
                code, kind, quotaType, status, applicantIdNumber, memberIdNumbers, generations,
                enterprise == null ? null
                        : new ApplicationStatusView.EnterpriseView(enterprise.creditCode(), enterprise.name(),
                                                                   enterprise.requestedQuotas()),
                new ApplicationStatusView.Prequalification(prequalification.outcome(), prequalification.decidedAt(),
                                                           prequalification.failedChecks(),
                                                           prequalification.unansweredRegistries()),
                submittedAt, policyVersion,
                rounds.stream().map(r -> r.toView(poolDrawn)).toList(),
                deposits.stream().map(DepositEntry::toView).toList(),
                timeline.stream()
                        .map(t -> new ApplicationStatusView.TimelineEntry(t.at(), t.event(), t.description(),
                                                                          t.channel(), t.district(), t.actingUser()))
                        .toList(),
                List.of());
    }

    /** Masks any raw ID number inside text that comes from elsewhere (defence in depth; events should not carry one). */
    static String maskIdNumbers(String text) {
        return text == null ? null : RAW_ID_NUMBER.matcher(text).replaceAll("$1********$2");
    }

    /** An enterprise applicant: its public registration, not personal data. */
    record Enterprise(String creditCode, String name, int requestedQuotas) {
    }

    /**
     * Pre-qualification so far. {@code outcome} is PENDING, PREQUALIFIED, REJECTED or MANUAL_REVIEW (as in
     * {@link ApplicationStatusView.Prequalification}).
     */
    record Prequalification(String outcome, Instant decidedAt, List<FailedCheck> failedChecks,
                            List<Registry> unansweredRegistries) {

        Prequalification {
            failedChecks = failedChecks == null ? List.of() : List.copyOf(failedChecks);
            unansweredRegistries = unansweredRegistries == null ? List.of() : List.copyOf(unansweredRegistries);
        }

        static Prequalification pending() {
            return new Prequalification("PENDING", null, List.of(), List.of());
        }

        static Prequalification prequalified(Instant at) {
            return new Prequalification("PREQUALIFIED", at, List.of(), List.of());
        }

        static Prequalification rejected(Instant at, List<FailedCheck> failedChecks) {
            return new Prequalification("REJECTED", at, failedChecks.stream()
                    .map(f -> new FailedCheck(f.registry(), maskIdNumbers(f.subject()), f.reason(),
                                              maskIdNumbers(f.detail())))
                    .toList(), List.of());
        }

        static Prequalification manualReview(Instant at, List<Registry> unanswered) {
            return new Prequalification("MANUAL_REVIEW", at, List.of(), unanswered);
        }
    }

    /** One thing that happened: when, which event, a short description without personal data, and its origin. */
    record TimelineEntry(Instant at, String event, String description, String channel, String district,
                         String actingUser) {
    }

    // ---- mapping to and from BSON -------------------------------------------------------------------------------

    /**
     * The stored document: the fields a reader filters on ({@value #BODY} aside) at the top, everything else (ID
     * numbers masked, pre-qualification, rounds, deposits, timeline) as one {@link CompressedBson} value in
     * {@value #BODY}, read and written whole with the rest. See {@link #expanded} for the whole shape.
     */
    Document toBson() {
        Document top = new Document();
        Document body = new Document();
        expandedBson().forEach((key, value) -> (TOP_LEVEL.contains(key) ? top : body).append(key, value));
        return top.append(BODY, CompressedBson.compress(body));
    }

    /** The stored document with its {@value #BODY} opened: every field at its place, as written before compression. */
    static Document expanded(Document stored) {
        Object body = stored.get(BODY);
        if (!(body instanceof Binary compressed)) {
            return stored;
        }
        Document expanded = new Document();
        stored.forEach((key, value) -> {
            if (!BODY.equals(key)) {
                expanded.append(key, value);
            }
        });
        expanded.putAll(CompressedBson.decompress(compressed));
        return expanded;
    }

    private Document expandedBson() {
        return withoutNulls(new Document("_id", code)
                .append("kind", name(kind))
                .append("quotaType", name(quotaType))
                .append("status", name(status))
                .append("applicantIdNumber", applicantIdNumber)
                .append("memberIdNumbers", memberIdNumbers)
                .append("generations", generations)
                .append("enterprise", enterprise == null ? null
                        : new Document("creditCode", enterprise.creditCode())
                                .append("name", enterprise.name())
                                .append("requestedQuotas", enterprise.requestedQuotas()))
                .append("prequalification", new Document("outcome", prequalification.outcome())
                        .append("decidedAt", date(prequalification.decidedAt()))
                        .append("failedChecks", prequalification.failedChecks().stream()
                                .map(f -> new Document("registry", name(f.registry()))
                                        .append("subject", f.subject())
                                        .append("reason", name(f.reason()))
                                        .append("detail", f.detail()))
                                .toList())
                        .append("unansweredRegistries", prequalification.unansweredRegistries().stream()
                                .map(Enum::name).toList()))
                .append("submittedAt", date(submittedAt))
                .append("policyVersion", policyVersion)
                .append("timeline", timeline.stream()
                        .map(t -> new Document("at", date(t.at()))
                                .append("event", t.event())
                                .append("description", t.description())
                                .append("channel", t.channel())
                                .append("district", t.district())
                                .append("actingUser", t.actingUser()))
                        .toList())
                .append("rounds", rounds.stream().map(RoundEntry::toBson).toList())
                .append("deposits", deposits.stream().map(DepositEntry::toBson).toList())
                .append("lastSequence", lastSequence));
    }

    static ApplicationStatusDocument fromBson(Document stored) {
        Document d = expanded(stored);
        Document enterprise = d.get("enterprise", Document.class);
        Document prequalification = d.get("prequalification", Document.class);
        return new ApplicationStatusDocument(
                d.getString("_id"),
                parse(ApplicantKind.class, d.getString("kind")),
                parse(QuotaType.class, d.getString("quotaType")),
                parse(ApplicationStatus.class, d.getString("status")),
                d.getString("applicantIdNumber"),
                d.getList("memberIdNumbers", String.class, List.of()),
                d.getInteger("generations", 0),
                enterprise == null ? null : new Enterprise(enterprise.getString("creditCode"),
                                                           enterprise.getString("name"),
                                                           enterprise.getInteger("requestedQuotas", 0)),
                prequalification == null ? Prequalification.pending() : new Prequalification(
                        prequalification.getString("outcome"),
                        instant(prequalification.getDate("decidedAt")),
                        prequalification.getList("failedChecks", Document.class, List.of()).stream()
                                .map(f -> new FailedCheck(parse(Registry.class, f.getString("registry")),
                                                          f.getString("subject"),
                                                          parse(RejectionReason.class, f.getString("reason")),
                                                          f.getString("detail")))
                                .toList(),
                        prequalification.getList("unansweredRegistries", String.class, List.of()).stream()
                                .map(r -> parse(Registry.class, r))
                                .toList()),
                instant(d.getDate("submittedAt")),
                d.getString("policyVersion"),
                d.getList("rounds", Document.class, List.of()).stream().map(RoundEntry::fromBson).toList(),
                d.getList("deposits", Document.class, List.of()).stream().map(DepositEntry::fromBson).toList(),
                d.getList("timeline", Document.class, List.of()).stream()
                        .map(t -> new TimelineEntry(instant(t.getDate("at")), t.getString("event"),
                                                    t.getString("description"), t.getString("channel"),
                                                    t.getString("district"), t.getString("actingUser")))
                        .toList(),
                d.get("lastSequence", Number.class).longValue());
    }

    /** The document without its null fields, in nested documents and lists of documents too. */
    private static Document withoutNulls(Document document) {
        Document compact = new Document();
        document.forEach((key, value) -> {
            if (value instanceof Document nested) {
                compact.append(key, withoutNulls(nested));
            } else if (value instanceof List<?> list) {
                compact.append(key, list.stream()
                                        .map(e -> e instanceof Document nested ? withoutNulls(nested) : e)
                                        .toList());
            } else if (value != null) {
                compact.append(key, value);
            }
        });
        return compact;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
