package org.yaohao.command.notification;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.Person;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.Registry;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.quota.QuotaId;
import org.yaohao.kernel.quota.BeijingPlate;
import org.yaohao.kernel.quota.QuotaExpiredEvent;
import org.yaohao.kernel.quota.QuotaExtendedEvent;
import org.yaohao.kernel.quota.QuotaIssuedEvent;
import org.yaohao.kernel.quota.QuotaRevokedEvent;
import org.yaohao.kernel.quota.QuotaUsedEvent;
import org.yaohao.kernel.quota.Vin;
import org.yaohao.kernel.round.RoundId;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the outbox gets for the events that notify, against a real H2 database. */
class NotificationOutboxWriterTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final ApplicationCode CODE = ApplicationCode.of("123456789012"
            + ApplicationCode.checkDigit("123456789012"));

    private final NotificationDeliveryTest.MutableClock clock = new NotificationDeliveryTest.MutableClock(NOW);
    private NotificationOutbox outbox;
    private NotificationOutboxWriter writer;

    @BeforeEach
    void setUp() {
        outbox = NotificationOutbox.in(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", ""));
        writer = new NotificationOutboxWriter(outbox, clock);
    }

    private void submitted(String channel) {
        writer.on(new ApplicationSubmittedEvent(CODE, ApplicantKind.INDIVIDUAL, QuotaType.ORDINARY,
                new Person(ResidentIdNumber.of("110101198503120017"), "Zhang San", "13800138000"), List.of(), 0,
                null, List.of(), NOW, "2023-guide"), channel);
    }

    @Test
    void anAppApplicantGetsAnSmsAndAPushPerCauseOnce() {
        submitted("APP");
        EventMessage<?> prequalified = GenericEventMessage.asEventMessage(
                new ApplicationPrequalifiedEvent(CODE, List.of(Registry.INCOME_TAX), NOW, "2023-guide"));
        writer.on((ApplicationPrequalifiedEvent) prequalified.getPayload(), prequalified);
        writer.on((ApplicationPrequalifiedEvent) prequalified.getPayload(), prequalified); // redelivered

        assertThat(outbox.due(NOW, 10)).extracting(p -> p.notification().id()).containsExactlyInAnyOrder(
                prequalified.getIdentifier() + ":SMS", prequalified.getIdentifier() + ":APP_PUSH");
        assertThat(outbox.due(NOW, 10).get(0).notification().phone()).isEqualTo("13800138000");
    }

    @Test
    void theQuotaExpiryReminderWaitsUntilThirtyDaysBeforeTheLastValidDay() {
        submitted("WEB");
        EventMessage<?> issued = GenericEventMessage.asEventMessage(new QuotaIssuedEvent(
                QuotaId.of(new RoundId("2026-ORD-01"), CODE.value()), CODE, new RoundId("2026-ORD-01"),
                QuotaType.ORDINARY, 1, LocalDate.of(2026, 3, 2), LocalDate.of(2027, 3, 1), "2023-guide"));
        writer.on((QuotaIssuedEvent) issued.getPayload(), issued);

        Instant reminder = LocalDate.of(2027, 1, 30).atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        assertThat(outbox.due(reminder.minusSeconds(1), 10)).isEmpty();
        assertThat(outbox.due(reminder, 10)).singleElement().satisfies(p -> {
            assertThat(p.notification().topic()).isEqualTo("QUOTA_EXPIRY_REMINDER");
            assertThat(p.notification().text()).contains("2027-03-01");
        });
    }

    @Test
    void anExtensionMovesTheReminderToThirtyDaysBeforeTheNewLastValidDay() {
        submitted("WEB");
        QuotaId quota = issueQuota();
        EventMessage<?> extended = GenericEventMessage.asEventMessage(new QuotaExtendedEvent(quota, CODE, 1,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 9, 1), MoneyFen.ofYuan(300), "PAY-1", NOW));
        writer.on((QuotaExtendedEvent) extended.getPayload(), extended);

        Instant oldReminder = LocalDate.of(2027, 1, 30).atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        Instant newReminder = LocalDate.of(2027, 8, 2).atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        assertThat(outbox.due(newReminder.minusSeconds(1), 10)).as("the old reminder is withdrawn").isEmpty();
        assertThat(outbox.due(oldReminder, 10)).isEmpty();
        assertThat(outbox.due(newReminder, 10)).singleElement()
                .satisfies(p -> assertThat(p.notification().text()).contains("2027-09-01"));
    }

    @Test
    void aQuotaUsedRevokedOrExpiredBeforeItsReminderGetsNone() {
        submitted("APP");
        Instant later = LocalDate.of(2027, 3, 2).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
        for (Runnable ending : List.<Runnable>of(
                () -> writer.on(new QuotaUsedEvent(issueQuota(), CODE, Vin.of("1HGCM82633A004352"),
                        BeijingPlate.of("京N12345"), LocalDate.of(2026, 4, 1), NOW)),
                () -> writer.on(new QuotaRevokedEvent(issueQuota(), CODE, "forged", NOW)),
                () -> writer.on(new QuotaExpiredEvent(issueQuota(), CODE, LocalDate.of(2027, 3, 1), later)))) {
            ending.run();
            assertThat(outbox.due(later, 10)).isEmpty();
        }
    }

    /** A quota of the application, issued 2026-03-02, last valid day 2027-03-01; its reminder in the outbox. */
    private QuotaId issueQuota() {
        QuotaId quota = QuotaId.of(new RoundId("2026-ORD-01"), CODE.value());
        EventMessage<?> issued = GenericEventMessage.asEventMessage(new QuotaIssuedEvent(quota, CODE,
                new RoundId("2026-ORD-01"), QuotaType.ORDINARY, 1, LocalDate.of(2026, 3, 2), LocalDate.of(2027, 3, 1),
                "2023-guide"));
        writer.on((QuotaIssuedEvent) issued.getPayload(), issued);
        assertThat(outbox.undelivered()).isPositive();
        return quota;
    }

    @Test
    void amountsAreShownInYuanFromWholeFen() {
        assertThat(NotificationOutboxWriter.yuan(MoneyFen.ofFen(66_667))).isEqualTo("666.67");
        assertThat(NotificationOutboxWriter.yuan(MoneyFen.ofFen(200_000))).isEqualTo("2000.00");
        assertThat(NotificationOutboxWriter.yuan(MoneyFen.ofFen(5))).isEqualTo("0.05");
    }

    @Test
    void anApplicationWithNoKnownPhoneGetsNothing() {
        EventMessage<?> prequalified = GenericEventMessage.asEventMessage(
                new ApplicationPrequalifiedEvent(CODE, List.of(), NOW, "2023-guide"));
        writer.on((ApplicationPrequalifiedEvent) prequalified.getPayload(), prequalified);

        assertThat(outbox.undelivered()).isZero();
    }
}
