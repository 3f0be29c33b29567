package org.yaohao.bench.round;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.Enterprise;
import org.yaohao.kernel.application.FamilyMember;
import org.yaohao.kernel.application.Person;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.Registry;
import org.yaohao.kernel.application.Relation;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;
import org.yaohao.kernel.deposit.DepositId;
import org.yaohao.kernel.deposit.DepositInstalmentPaidEvent;
import org.yaohao.kernel.deposit.DepositPaidInFullEvent;
import org.yaohao.kernel.deposit.DepositRequestedEvent;
import org.yaohao.kernel.deposit.PaymentPlan;
import org.yaohao.kernel.deposit.PaymentRoute;
import org.yaohao.kernel.round.RoundId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic history of applicants who entered one ordinary round, written as the events the system itself records
 * (same records, same aggregate types and sequence numbers): per application {@code ApplicationSubmitted} and
 * {@code ApplicationPrequalified} on the Application, then {@code DepositRequested}, {@code DepositInstalmentPaid} and
 * {@code DepositPaidInFull} on the round's Deposit. Deterministic from the seed. Mix by entries: 2 % enterprise entries
 * (1–5 quotas each), 8 % family applications (2–3 generations, 2–4 members, submitted 2016–2022 so their points
 * differ), the rest individuals. Every timestamp lies before the round's cut-off.
 */
final class Population {

    static final String POLICY = "bench-scale";
    private static final String[] DISTRICTS = {"110101", "110102", "110105", "110106", "110107", "110108", "110109",
            "110111", "110112", "110113", "110114", "110115", "110116", "110117", "110118", "110119"};
    private static final Instant FIRST_SUBMISSION = Instant.parse("2016-01-04T02:00:00Z");
    private static final Instant PAID_AT = Instant.parse("2023-01-05T03:00:00Z");
    private static final List<Registry> PERSON_REGISTRIES = List.of(Registry.CAR_OWNERSHIP, Registry.RESIDENCE,
            Registry.SOCIAL_INSURANCE, Registry.INCOME_TAX);

    /** What was written: applications, pool entries, events; the first and last application codes written. */
    record Written(int applications, int entries, long events, String firstCode, String lastCode) {
    }

    private final JdbcEventStorageEngine engine;
    private final RoundId round;
    private final SplittableRandom random;
    private final List<DomainEventMessage<?>> batch = new ArrayList<>();
    private final Runnable commit;
    private int people;
    private long events;

    Population(JdbcEventStorageEngine engine, RoundId round, long seed, Runnable commit) {
        this.engine = engine;
        this.round = round;
        this.random = new SplittableRandom(seed);
        this.commit = commit;
    }

    Written write(int entries) {
        int applications = 0;
        int written = 0;
        String first = null;
        String last = null;
        while (written < entries) {
            ApplicationCode code = code(applications);
            double kind = random.nextDouble();
            ApplicationSubmittedEvent submitted;
            if (kind < 0.007 && entries - written >= 5) {
                int quotas = 1 + random.nextInt(5);
                submitted = enterprise(code, quotas, applications);
                written += quotas;
            } else if (kind < 0.087) {
                submitted = family(code);
                written++;
            } else {
                submitted = individual(code);
                written++;
            }
            append(code, submitted);
            applications++;
            if (first == null) {
                first = code.value();
            }
            last = code.value();
            if (batch.size() >= 5_000) {
                flush();
            }
        }
        flush();
        return new Written(applications, written, events, first, last);
    }

    private void append(ApplicationCode code, ApplicationSubmittedEvent submitted) {
        Instant at = submitted.submittedAt();
        String channel = random.nextInt(100) < 65 ? "APP" : "WEB";
        Map<String, Object> byApplicant = Map.of("channel", channel, "actingUser", "applicant");
        Map<String, Object> bySystem = Map.of("channel", "SYSTEM", "actingUser", "system:prequalification");
        add("Application", code.value(), 0, submitted, at, byApplicant);
        add("Application", code.value(), 1, new ApplicationPrequalifiedEvent(code,
                submitted.kind() == ApplicantKind.ENTERPRISE ? List.of(Registry.ENTERPRISE_TAX) : PERSON_REGISTRIES,
                at.plus(Duration.ofMinutes(20)), POLICY), at.plus(Duration.ofMinutes(20)), bySystem);
        DepositId deposit = DepositId.of(code, round);
        MoneyFen amount = MoneyFen.ofYuan(2_000);
        add("Deposit", deposit.value(), 0, new DepositRequestedEvent(deposit, code, round, QuotaType.ORDINARY, amount,
                PaymentPlan.FULL, List.of(amount), POLICY), PAID_AT, byApplicant);
        add("Deposit", deposit.value(), 1, new DepositInstalmentPaidEvent(deposit, code, "PAY-" + code.value(),
                amount, amount, new PaymentRoute("BANK_CARD", "6222********1234"), PAID_AT, POLICY), PAID_AT,
            byApplicant);
        add("Deposit", deposit.value(), 2, new DepositPaidInFullEvent(deposit, code, round, amount, PAID_AT, POLICY),
            PAID_AT, byApplicant);
    }

    private void add(String type, String aggregate, long sequence, Object payload, Instant at,
                     Map<String, Object> metaData) {
        batch.add(new GenericDomainEventMessage<>(type, aggregate, sequence, payload, MetaData.from(metaData),
                                                  IdentifierFactory.getInstance().generateIdentifier(), at));
    }

    private void flush() {
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
            events += batch.size();
            batch.clear();
            commit.run();
        }
    }

    /** Unique valid codes: a 12-digit stride over the index, then the Damm check digit. */
    private static ApplicationCode code(int index) {
        String digits = "1" + String.format("%011d", 7_919L * index + 13);
        return ApplicationCode.of(digits + ApplicationCode.checkDigit(digits));
    }

    private Instant submittedAt() {
        long span = Duration.between(FIRST_SUBMISSION, Instant.parse("2022-12-20T02:00:00Z")).getSeconds();
        return FIRST_SUBMISSION.plusSeconds(random.nextLong(span));
    }

    private ApplicationSubmittedEvent individual(ApplicationCode code) {
        return new ApplicationSubmittedEvent(code, ApplicantKind.INDIVIDUAL, QuotaType.ORDINARY, adult(), List.of(), 1,
                                             null, List.of(), submittedAt(), POLICY);
    }

    private ApplicationSubmittedEvent family(ApplicationCode code) {
        List<FamilyMember> members = new ArrayList<>();
        members.add(new FamilyMember(adult(), Relation.SPOUSE));
        int generations = 2;
        if (random.nextBoolean()) {
            members.add(new FamilyMember(child(), Relation.CHILD));
        }
        if (random.nextInt(3) == 0) {
            members.add(new FamilyMember(elder(), Relation.PARENT));
            generations = members.size() == 3 ? 3 : 2;
        }
        if (members.size() == 1) {
            members.add(new FamilyMember(child(), Relation.CHILD));
        }
        return new ApplicationSubmittedEvent(code, ApplicantKind.FAMILY, QuotaType.ORDINARY, adult(), members,
                                             generations, null, List.of(), submittedAt(), POLICY);
    }

    private ApplicationSubmittedEvent enterprise(ApplicationCode code, int quotas, int index) {
        String first17 = "91110105" + String.format("%09d", index);
        UnifiedSocialCreditCode credit = UnifiedSocialCreditCode.of(
                first17 + UnifiedSocialCreditCode.checkCharacter(first17));
        return new ApplicationSubmittedEvent(code, ApplicantKind.ENTERPRISE, QuotaType.ORDINARY, null, List.of(), 0,
                                             new Enterprise(credit, "Enterprise " + index, 600_000L * quotas, quotas),
                                             List.of(), submittedAt(), POLICY);
    }

    private Person adult() {
        return person(LocalDate.of(1965, 1, 1));
    }

    private Person child() {
        return person(LocalDate.of(2008, 1, 1));
    }

    private Person elder() {
        return person(LocalDate.of(1940, 1, 1));
    }

    /** A unique valid ID number: district by person, birth date from {@code from} on, sequence, check character. */
    private Person person(LocalDate from) {
        int p = people++;
        String district = DISTRICTS[p % DISTRICTS.length];
        LocalDate birth = from.plusDays((p / DISTRICTS.length) / 1_000);
        String first17 = district + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                         + String.format("%03d", (p / DISTRICTS.length) % 1_000);
        ResidentIdNumber id = ResidentIdNumber.of(first17 + ResidentIdNumber.checkCharacter(first17));
        return new Person(id, "Applicant " + p, "139" + String.format("%08d", p % 100_000_000));
    }
}
