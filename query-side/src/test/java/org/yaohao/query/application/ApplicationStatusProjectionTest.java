package org.yaohao.query.application;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.types.Binary;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.ApplicationPrequalifiedEvent;
import org.yaohao.kernel.application.ApplicationRejectedEvent;
import org.yaohao.kernel.application.ApplicationSentToManualReviewEvent;
import org.yaohao.kernel.application.ApplicationStatus;
import org.yaohao.kernel.application.ApplicationStatusView;
import org.yaohao.kernel.application.ApplicationStatusView.TimelineEntry;
import org.yaohao.kernel.application.ApplicationWithdrawnEvent;
import org.yaohao.kernel.application.FailedCheck;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.QuotaTypeChangedEvent;
import org.yaohao.kernel.application.Registry;
import org.yaohao.kernel.application.RejectionReason;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.query.InProcessMongo;
import org.yaohao.query.store.CollectionsReplacedEvent;

import java.time.Instant;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.query.TestEvents.CHILD;
import static org.yaohao.query.TestEvents.MAIN;
import static org.yaohao.query.TestEvents.POLICY;
import static org.yaohao.query.TestEvents.SPOUSE;
import static org.yaohao.query.TestEvents.SUBMITTED_AT;
import static org.yaohao.query.TestEvents.code;
import static org.yaohao.query.TestEvents.enterpriseSubmitted;
import static org.yaohao.query.TestEvents.familySubmitted;
import static org.yaohao.query.TestEvents.individualSubmitted;

/** The projection against the real driver and an in-process MongoDB server on a real socket. */
class ApplicationStatusProjectionTest {

    private static final ApplicationCode CODE = code("123456789012");
    private static final Instant T0 = Instant.parse("2023-03-01T02:00:00.123Z");
    private static final Instant T1 = Instant.parse("2023-03-01T08:30:00Z");
    private static final Instant T2 = Instant.parse("2023-03-02T09:00:00Z");

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private MongoCollection<Document> collection;
    private ApplicationStatusRepository repository;
    private ApplicationStatusProjection projection;

    @BeforeEach
    void emptyCollection() {
        mongo.database().drop();
        collection = mongo.database().getCollection(ApplicationStatusRepository.COLLECTION);
        repository = new ApplicationStatusRepository(mongo.database());
        projection = new ApplicationStatusProjection(repository);
    }

    @Test
    void buildsTheStatusOfASubmittedFamilyApplication() {
        projection.on(familySubmitted(CODE), T0, 0L, "COUNTER", "HAIDIAN", "clerk-007");

        ApplicationStatusView view = view();
        assertThat(view.code()).isEqualTo(CODE.value());
        assertThat(view.kind()).isEqualTo(ApplicantKind.FAMILY);
        assertThat(view.quotaType()).isEqualTo(QuotaType.NEW_ENERGY);
        assertThat(view.status()).isEqualTo(ApplicationStatus.AWAITING_PREQUALIFICATION);
        assertThat(view.applicantIdNumber()).isEqualTo(MAIN.masked());
        assertThat(view.memberIdNumbers()).containsExactly(SPOUSE.masked(), CHILD.masked());
        assertThat(view.generations()).isEqualTo(2);
        assertThat(view.enterprise()).isNull();
        assertThat(view.prequalification().outcome()).isEqualTo("PENDING");
        assertThat(view.prequalification().decidedAt()).isNull();
        assertThat(view.submittedAt()).isEqualTo(SUBMITTED_AT);
        assertThat(view.policyVersion()).isEqualTo(POLICY);
        assertThat(view.timeline()).containsExactly(new TimelineEntry(
                T0, "ApplicationSubmitted",
                "FAMILY application submitted for the NEW_ENERGY quota (3 persons, 2 generations)",
                "COUNTER", "HAIDIAN", "clerk-007"));
        assertThat(rawDocument().get("lastSequence", Number.class).longValue()).isZero();
    }

    @Test
    void storesWhatReadersFilterOnAsFieldsAndTheRestCompressed() {
        projection.on(familySubmitted(CODE), T0, 0L, "COUNTER", "HAIDIAN", "clerk-007");

        Document stored = collection.find(eq("_id", CODE.value())).first();
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "kind", "quotaType", "status", "submittedAt",
                                                              "policyVersion", "lastSequence", "body");
        assertThat(stored.getString("status")).isEqualTo("AWAITING_PREQUALIFICATION");
        assertThat(stored.get("body")).isInstanceOf(Binary.class);
        assertThat(rawDocument()).containsKeys("applicantIdNumber", "memberIdNumbers", "timeline")
                                 .doesNotContainKey("body");
        assertThat(ApplicationStatusDocument.fromBson(stored).toView()).isEqualTo(view());
    }

    @Test
    void prequalificationMakesTheCodeValid() {
        projection.on(familySubmitted(CODE), T0, 0L, "APP", null, "applicant");
        projection.on(new ApplicationPrequalifiedEvent(CODE, List.of(Registry.SOCIAL_INSURANCE), T1, POLICY),
                      T1, 1L, "SYSTEM", null, "system:prequalification");

        ApplicationStatusView view = view();
        assertThat(view.status()).isEqualTo(ApplicationStatus.PREQUALIFIED);
        assertThat(view.prequalification().outcome()).isEqualTo("PREQUALIFIED");
        assertThat(view.prequalification().decidedAt()).isEqualTo(T1);
        assertThat(view.timeline()).extracting(TimelineEntry::event)
                                   .containsExactly("ApplicationSubmitted", "ApplicationPrequalified");
        assertThat(view.timeline().get(1).actingUser()).isEqualTo("system:prequalification");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        var submitted = familySubmitted(CODE);
        var prequalified = new ApplicationPrequalifiedEvent(CODE, List.of(Registry.SOCIAL_INSURANCE), T1, POLICY);
        projection.on(submitted, T0, 0L, "WEB", null, "applicant");
        projection.on(prequalified, T1, 1L, "SYSTEM", null, "system:prequalification");
        Document before = rawDocument();

        projection.on(prequalified, T1, 1L, "SYSTEM", null, "system:prequalification");
        projection.on(submitted, T0, 0L, "WEB", null, "applicant");

        assertThat(rawDocument()).isEqualTo(before);
        assertThat(view().timeline()).hasSize(2);
    }

    @Test
    void replayingTheWholeStreamOverExistingDocumentsChangesNothing() {
        Runnable stream = () -> {
            projection.on(individualSubmitted(CODE), T0, 0L, "WEB", null, "applicant");
            projection.on(new QuotaTypeChangedEvent(CODE, QuotaType.ORDINARY, QuotaType.NEW_ENERGY, POLICY),
                          T1, 1L, "APP", null, "applicant");
            projection.on(new ApplicationWithdrawnEvent(CODE, "changed my mind", T2, POLICY),
                          T2, 2L, "APP", null, "applicant");
        };
        stream.run();
        Document before = rawDocument();

        stream.run();

        assertThat(rawDocument()).isEqualTo(before);
    }

    @Test
    void anOlderEventArrivingLateDoesNotUndoANewerOne() {
        projection.on(individualSubmitted(CODE), T0, 0L, "WEB", null, "applicant");
        projection.on(new ApplicationSentToManualReviewEvent(CODE, List.of(Registry.INCOME_TAX), T1, POLICY),
                      T1, 1L, "SYSTEM", null, "system:prequalification");
        projection.on(new ApplicationPrequalifiedEvent(CODE, List.of(Registry.INCOME_TAX), T2, POLICY),
                      T2, 2L, "COUNTER", "CHAOYANG", "clerk-1");
        Document before = rawDocument();

        projection.on(new ApplicationSentToManualReviewEvent(CODE, List.of(Registry.INCOME_TAX), T1, POLICY),
                      T1, 1L, "SYSTEM", null, "system:prequalification");

        assertThat(rawDocument()).isEqualTo(before);
        assertThat(view().status()).isEqualTo(ApplicationStatus.PREQUALIFIED);
    }

    @Test
    void rejectionRecordsEveryFailedCheckAndItsReasons() {
        projection.on(familySubmitted(CODE), T0, 0L, "WEB", null, "applicant");
        List<FailedCheck> failed = List.of(
                new FailedCheck(Registry.SOCIAL_INSURANCE, "main applicant " + MAIN.masked(),
                                RejectionReason.SOCIAL_INSURANCE_GAP, "gap in 2021-07"),
                new FailedCheck(Registry.RESIDENCE, "member 1 (SPOUSE) " + SPOUSE.masked(),
                                RejectionReason.RESIDENCE_PERMIT_EXPIRED, "expired 2023-01-31"));
        projection.on(new ApplicationRejectedEvent(CODE, failed, T1, POLICY), T1, 1L, "SYSTEM", null,
                      "system:prequalification");

        ApplicationStatusView view = view();
        assertThat(view.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(view.prequalification().outcome()).isEqualTo("REJECTED");
        assertThat(view.prequalification().decidedAt()).isEqualTo(T1);
        assertThat(view.prequalification().failedChecks()).isEqualTo(failed);
        assertThat(view.timeline().get(1).description())
                .isEqualTo("Pre-qualification failed: SOCIAL_INSURANCE_GAP, RESIDENCE_PERMIT_EXPIRED");
    }

    @Test
    void manualReviewNamesTheRegistriesThatDidNotAnswer() {
        projection.on(individualSubmitted(CODE), T0, 0L, "WEB", null, "applicant");
        projection.on(new ApplicationSentToManualReviewEvent(
                              CODE, List.of(Registry.INCOME_TAX, Registry.DRIVING_LICENCE), T1, POLICY),
                      T1, 1L, null, null, null);

        ApplicationStatusView view = view();
        assertThat(view.status()).isEqualTo(ApplicationStatus.MANUAL_REVIEW);
        assertThat(view.prequalification().outcome()).isEqualTo("MANUAL_REVIEW");
        assertThat(view.prequalification().unansweredRegistries())
                .containsExactly(Registry.INCOME_TAX, Registry.DRIVING_LICENCE);
        assertThat(view.timeline().get(1)).isEqualTo(new TimelineEntry(
                T1, "ApplicationSentToManualReview",
                "Sent to manual review; no answer in time from: INCOME_TAX, DRIVING_LICENCE", null, null, null));
    }

    @Test
    void withdrawalEndsTheApplicationWithoutStoringTheApplicantsReason() {
        projection.on(individualSubmitted(CODE), T0, 0L, "WEB", null, "applicant");
        projection.on(new ApplicationPrequalifiedEvent(CODE, List.of(), T1, POLICY), T1, 1L, "SYSTEM", null, null);
        projection.on(new ApplicationWithdrawnEvent(CODE, "call me on 13800138000", T2, POLICY),
                      T2, 2L, "APP", null, "applicant");

        ApplicationStatusView view = view();
        assertThat(view.status()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(view.prequalification().outcome()).isEqualTo("PREQUALIFIED");
        assertThat(view.timeline().get(2).event()).isEqualTo("ApplicationWithdrawn");
        assertThat(rawDocument().toJson()).doesNotContain("13800138000").doesNotContain("call me");
    }

    @Test
    void quotaTypeChangeIsRecorded() {
        projection.on(individualSubmitted(CODE), T0, 0L, "WEB", null, "applicant");
        projection.on(new QuotaTypeChangedEvent(CODE, QuotaType.ORDINARY, QuotaType.NEW_ENERGY, "2023-guide-b"),
                      T1, 1L, "APP", null, "applicant");

        ApplicationStatusView view = view();
        assertThat(view.quotaType()).isEqualTo(QuotaType.NEW_ENERGY);
        assertThat(view.status()).isEqualTo(ApplicationStatus.AWAITING_PREQUALIFICATION);
        assertThat(view.policyVersion()).isEqualTo("2023-guide-b");
        assertThat(view.timeline().get(1).description()).isEqualTo("Quota type changed from ORDINARY to NEW_ENERGY");
    }

    @Test
    void storesIdNumbersMaskedAndNoNamesOrPhones() {
        projection.on(familySubmitted(CODE), T0, 0L, "WEB", null, "applicant");
        projection.on(new ApplicationRejectedEvent(CODE, List.of(new FailedCheck(
                              Registry.CAR_OWNERSHIP, "member 2 (CHILD) " + CHILD.value(),
                              RejectionReason.CAR_ALREADY_OWNED, "registered to " + CHILD.value())), T1, POLICY),
                      T1, 1L, "SYSTEM", null, null);

        String json = rawDocument().toJson();
        for (var id : List.of(MAIN, SPOUSE, CHILD)) {
            assertThat(json).doesNotContain(id.value());
        }
        assertThat(json).contains(MAIN.masked(), SPOUSE.masked(), CHILD.masked());
        assertThat(json).doesNotContain("张三", "李四", "13800138000", "13900139000", "digest-1");
        assertThat(view().prequalification().failedChecks().get(0).subject())
                .isEqualTo("member 2 (CHILD) " + CHILD.masked());
    }

    @Test
    void enterpriseApplicationShowsItsPublicRegistration() {
        var submitted = enterpriseSubmitted(CODE);
        projection.on(submitted, T0, 0L, "WEB", null, "applicant");

        ApplicationStatusView view = view();
        assertThat(view.applicantIdNumber()).isNull();
        assertThat(view.memberIdNumbers()).isEmpty();
        assertThat(view.enterprise()).isEqualTo(new ApplicationStatusView.EnterpriseView(
                submitted.enterprise().creditCode().value(), "北京某某有限公司", 3));
    }

    @Test
    void anEventForAnUnknownApplicationIsSkipped() {
        projection.on(new ApplicationPrequalifiedEvent(CODE, List.of(), T1, POLICY), T1, 1L, null, null, null);

        assertThat(repository.find(CODE.value())).isEmpty();
    }

    @Test
    void aCachedLookUpShowsWhatTheNextBatchWrote() {
        ApplicationStatusRepository cached = new ApplicationStatusRepository(mongo.database(), 100);
        ApplicationStatusProjection writing = new ApplicationStatusProjection(cached);
        writing.on(individualSubmitted(CODE), T0, 0L, "WEB", null, "applicant");
        assertThat(cached.lookUp(CODE.value()).orElseThrow().status())
                .isEqualTo(ApplicationStatus.AWAITING_PREQUALIFICATION);

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        writing.on(new ApplicationPrequalifiedEvent(CODE, List.of(Registry.INCOME_TAX), T1, POLICY),
                   T1, 1L, "SYSTEM", null, "system:prequalification");
        assertThat(cached.lookUp(CODE.value()).orElseThrow().status()).as("not stored yet")
                .isEqualTo(ApplicationStatus.AWAITING_PREQUALIFICATION);
        batch.commit();

        assertThat(cached.lookUp(CODE.value()).orElseThrow().status()).isEqualTo(ApplicationStatus.PREQUALIFIED);
    }

    @Test
    void aCachedLookUpIsReadAgainOnceARebuildReplacedTheCollection() {
        ApplicationStatusRepository cached = new ApplicationStatusRepository(mongo.database(), 100);
        new ApplicationStatusProjection(cached).on(individualSubmitted(CODE), T0, 0L, "WEB", null, "applicant");
        cached.lookUp(CODE.value());
        ApplicationStatusRepository rebuilt = new ApplicationStatusRepository(mongo.database());
        new ApplicationStatusProjection(rebuilt).on(
                new ApplicationWithdrawnEvent(CODE, "changed my mind", T1, POLICY), T1, 1L, "APP", null, "applicant");
        assertThat(cached.lookUp(CODE.value()).orElseThrow().status()).as("kept: written by another writer")
                .isEqualTo(ApplicationStatus.AWAITING_PREQUALIFICATION);

        cached.on(new CollectionsReplacedEvent(ApplicationStatusProjection.COLLECTIONS));

        assertThat(cached.lookUp(CODE.value()).orElseThrow().status()).isEqualTo(ApplicationStatus.WITHDRAWN);
    }

    private ApplicationStatusView view() {
        return repository.find(CODE.value()).orElseThrow().toView();
    }

    private Document rawDocument() {
        return ApplicationStatusDocument.expanded(collection.find(eq("_id", CODE.value())).first());
    }
}
