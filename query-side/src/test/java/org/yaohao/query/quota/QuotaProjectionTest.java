package org.yaohao.query.quota;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.MoneyFen;
import org.yaohao.kernel.quota.BeijingPlate;
import org.yaohao.kernel.quota.FindNoticeByVerificationCodeQuery;
import org.yaohao.kernel.quota.FindQuotaQuery;
import org.yaohao.kernel.quota.NoticeVerificationView;
import org.yaohao.kernel.quota.QuotaExpiredEvent;
import org.yaohao.kernel.quota.QuotaExtendedEvent;
import org.yaohao.kernel.quota.QuotaExtensionLapsedEvent;
import org.yaohao.kernel.quota.QuotaExtensionRequestedEvent;
import org.yaohao.kernel.quota.QuotaId;
import org.yaohao.kernel.quota.QuotaIssuedEvent;
import org.yaohao.kernel.quota.QuotaRevokedEvent;
import org.yaohao.kernel.quota.QuotaStatus;
import org.yaohao.kernel.quota.QuotaUsedEvent;
import org.yaohao.kernel.quota.QuotaView;
import org.yaohao.kernel.quota.Vin;
import org.yaohao.query.InProcessMongo;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.query.TestEvents.MAIN;
import static org.yaohao.query.TestEvents.ROUND;
import static org.yaohao.query.TestEvents.code;
import static org.yaohao.query.TestEvents.enterpriseSubmitted;
import static org.yaohao.query.TestEvents.individualSubmitted;

/**
 * The quotas read model on the in-process MongoDB server through the real driver: the lifecycle as the holder sees
 * it, redelivered events applied once, the notice parsed back from its PDF, its verification code, and the share of
 * winners who extended.
 */
class QuotaProjectionTest {

    static final ApplicationCode CODE = code("987654321098");
    static final QuotaId ID = QuotaId.of(ROUND, CODE.value());
    static final LocalDate ISSUED_ON = LocalDate.of(2023, 4, 9);
    static final Instant PAID_AT = Instant.parse("2024-03-01T02:00:00Z");
    static final MoneyFen FEE = MoneyFen.ofYuan(300);

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private QuotaProjection projection;
    private QuotaQueryHandler queries;
    private NoticeCodes codes;

    @BeforeEach
    void setUp() {
        mongo.database().drop();
        QuotaRepository repository = new QuotaRepository(mongo.database());
        codes = new NoticeCodes("a-test-secret-of-at-least-32-characters!");
        projection = new QuotaProjection(repository, codes);
        queries = new QuotaQueryHandler(repository);
    }

    private static QuotaIssuedEvent issued(QuotaId id, ApplicationCode code) {
        return new QuotaIssuedEvent(id, code, ROUND, QuotaType.ORDINARY, 1, ISSUED_ON, ISSUED_ON.plusYears(1).minusDays(1),
                "2023-guide");
    }

    private static QuotaExtendedEvent extended() {
        return new QuotaExtendedEvent(ID, CODE, 1, LocalDate.of(2024, 4, 8), LocalDate.of(2024, 10, 8), FEE, "PAY-1",
                PAID_AT);
    }

    private QuotaView view() {
        return queries.handle(new FindQuotaQuery(ID)).orElseThrow();
    }

    @Test
    void showsTheQuotaThroughItsLifeWithTheHolderMasked() {
        projection.on(individualSubmitted(CODE));
        projection.on(issued(ID, CODE), 0);
        assertThat(view().status()).isEqualTo(QuotaStatus.VALID);
        assertThat(view().holderIdNumber()).isEqualTo(MAIN.masked()).doesNotContain(MAIN.value().substring(6, 14));

        projection.on(new QuotaExtensionRequestedEvent(ID, CODE, 1, FEE, PAID_AT.minusSeconds(60),
                PAID_AT.plusSeconds(86_400)), 1);
        assertThat(view().pendingExtension().number()).isEqualTo(1);
        projection.on(extended(), 2);
        Vin vin = Vin.of("1HGCM82633A004352");
        projection.on(new QuotaUsedEvent(ID, CODE, vin, BeijingPlate.of("京N12345"), LocalDate.of(2024, 5, 2),
                PAID_AT.plusSeconds(1_000_000)), 3);

        QuotaView quota = view();
        assertThat(quota.status()).isEqualTo(QuotaStatus.USED);
        assertThat(quota.validUntil()).isEqualTo(LocalDate.of(2024, 10, 8));
        assertThat(quota.pendingExtension()).isNull();
        assertThat(quota.extensions()).containsExactly(new QuotaView.Extension(1, LocalDate.of(2024, 10, 8), 30_000,
                PAID_AT));
        assertThat(quota.registration()).isEqualTo(new QuotaView.Registration(vin.value(), "京N12345",
                LocalDate.of(2024, 5, 2)));
        assertThat(queries.ofApplication(CODE.value())).containsExactly(quota);
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        projection.on(individualSubmitted(CODE));
        projection.on(issued(ID, CODE), 0);
        projection.on(extended(), 2);
        projection.on(extended(), 2);
        projection.on(issued(ID, CODE), 0);
        projection.on(individualSubmitted(CODE));
        assertThat(view().extensions()).hasSize(1);
        assertThat(view().validUntil()).isEqualTo(LocalDate.of(2024, 10, 8));
        assertThat(queries.ofApplication(CODE.value())).hasSize(1);
    }

    @Test
    void lapsedExpiredAndRevokedQuotasShowIt() {
        QuotaId second = QuotaId.of(ROUND, code("111111111111").value());
        projection.on(issued(ID, CODE), 0);
        projection.on(new QuotaExtensionRequestedEvent(ID, CODE, 1, FEE, PAID_AT, PAID_AT.plusSeconds(86_400)), 1);
        projection.on(new QuotaExtensionLapsedEvent(ID, CODE, 1, PAID_AT.plusSeconds(86_400)), 2);
        assertThat(view().pendingExtension()).isNull();
        assertThat(view().extensions()).isEmpty();
        projection.on(new QuotaExpiredEvent(ID, CODE, LocalDate.of(2024, 4, 8), Instant.parse("2024-04-08T16:00:00Z")), 3);
        assertThat(view().status()).isEqualTo(QuotaStatus.EXPIRED);
        assertThat(view().expiredAt()).isEqualTo(Instant.parse("2024-04-08T16:00:00Z"));

        projection.on(issued(second, code("111111111111")), 0);
        projection.on(new QuotaRevokedEvent(second, code("111111111111"), "forged documents", PAID_AT), 1);
        QuotaView revoked = queries.handle(new FindQuotaQuery(second)).orElseThrow();
        assertThat(revoked.status()).isEqualTo(QuotaStatus.REVOKED);
        assertThat(revoked.revocation().reason()).isEqualTo("forged documents");
    }

    @Test
    void theNoticeIsAPdfNamingTheQuotaTheMaskedHolderAndTheVerificationCode() throws Exception {
        projection.on(individualSubmitted(CODE));
        projection.on(issued(ID, CODE), 0);
        projection.on(extended(), 2);
        String verification = queries.verificationCode(ID.value()).orElseThrow();

        byte[] pdf = new ConfirmationNotice(null).render(view(), verification);

        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains(ID.value(), MAIN.masked(), verification, "Valid until (inclusive): 2024-10-08",
                "Extension 1: valid until 2024-10-08, fee 300 yuan", "Issued on: 2023-04-09", "ORDINARY",
                "Quota Allocation Confirmation Notice");
        assertThat(text).doesNotContain(MAIN.value());
    }

    @Test
    void aFontThatCannotBeLoadedLeavesTheChineseTitleOutInsteadOfFailing() throws Exception {
        projection.on(individualSubmitted(CODE));
        projection.on(issued(ID, CODE), 0);
        byte[] pdf = new ConfirmationNotice(Path.of("/no/such/font.ttf")).render(view(), "0000-0000-0000-0000");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains(ConfirmationNotice.TITLE, ID.value());
        }
    }

    @Test
    void aNoticeCodeConfirmsItsQuotaAndNoOther() {
        QuotaId enterpriseQuota = QuotaId.of(ROUND, code("111111111111").value() + "-2");
        projection.on(individualSubmitted(CODE));
        projection.on(issued(ID, CODE), 0);
        projection.on(enterpriseSubmitted(code("111111111111")));
        projection.on(issued(enterpriseQuota, code("111111111111")), 0);

        String verification = codes.codeOf(ID.value());
        assertThat(verification).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(codes.codeOf(enterpriseQuota.value())).isNotEqualTo(verification);
        NoticeVerificationView genuine = queries.handle(new FindNoticeByVerificationCodeQuery(
                verification.toLowerCase())).orElseThrow();
        assertThat(genuine.quotaId()).isEqualTo(ID.value());
        assertThat(genuine.holderIdNumber()).isEqualTo(MAIN.masked());
        assertThat(queries.handle(new FindNoticeByVerificationCodeQuery("ABCD-EFGH-JKMN-PQRS"))).isEmpty();
        assertThat(new NoticeCodes("another-secret-of-at-least-32-characters").codeOf(ID.value()))
                .isNotEqualTo(verification);
    }

    @Test
    void theShareOfWinnersWhoExtendedCountsQuotasExtendedAtLeastOnce() {
        assertThat(queries.extensionShare().sharePercent()).isEqualByComparingTo(BigDecimal.ZERO);
        projection.on(issued(ID, CODE), 0);
        projection.on(extended(), 2);
        projection.on(new QuotaExtendedEvent(ID, CODE, 2, LocalDate.of(2024, 10, 8), LocalDate.of(2025, 4, 8), FEE,
                "PAY-2", PAID_AT), 4);
        for (String first12 : new String[]{"111111111111", "222222222222", "333333333333"}) {
            projection.on(issued(QuotaId.of(ROUND, code(first12).value()), code(first12)), 0);
        }
        assertThat(queries.extensionShare().quotasIssued()).isEqualTo(4);
        assertThat(queries.extensionShare().extendedAtLeastOnce()).isEqualTo(1);
        assertThat(queries.extensionShare().sharePercent()).isEqualByComparingTo(new BigDecimal("25.0"));
    }
}
