package org.yaohao.query.application;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaohao.kernel.application.ApplicationStatus;
import org.yaohao.kernel.application.ApplicationStatusView;
import org.yaohao.kernel.application.RoundOutcomeRecordedEvent;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.draw.Pool;
import org.yaohao.kernel.draw.PoolEntry;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.round.PoolDrawnEvent;
import org.yaohao.kernel.round.RoundEntryView;
import org.yaohao.kernel.round.RoundEntryView.Entry;
import org.yaohao.query.InProcessMongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.query.TestEvents.POLICY;
import static org.yaohao.query.TestEvents.code;
import static org.yaohao.query.TestEvents.enterpriseSubmitted;
import static org.yaohao.query.TestEvents.individualSubmitted;
import static org.yaohao.query.round.RoundEvents.PERSONAL_QUOTA;
import static org.yaohao.query.round.RoundEvents.ROUND;
import static org.yaohao.query.round.RoundEvents.drawn;
import static org.yaohao.query.round.RoundEvents.frozen;
import static org.yaohao.query.round.RoundEvents.personalPool;

/**
 * The rounds inside an application's status, projected from the AllocationRound's events (another aggregate) and the
 * application's recorded outcome, against the real driver and the in-process MongoDB server: an individual who wins,
 * one who does not, and an enterprise with two entries, through frozen → drawn → outcome.
 */
class ApplicationStatusRoundsTest {

    /** One enterprise with two entries {@code code-1}, {@code code-2}, quota 2: both are drawn, in some order. */
    static final ApplicationCode ENTERPRISE = code("600000000006");
    static final int ENTERPRISE_QUOTA = 2;

    private static final Instant T0 = Instant.parse("2023-03-01T02:00:00Z");

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private MongoCollection<Document> collection;
    private ApplicationStatusRepository repository;
    private ApplicationStatusProjection projection;
    private PoolDrawnEvent personalDraw;
    private ApplicationCode winner;
    private ApplicationCode loser;

    static Pool enterprisePool() {
        return Pool.of(new PoolEntry(ENTERPRISE.value() + "-2", 1), new PoolEntry(ENTERPRISE.value() + "-1", 1));
    }

    @BeforeEach
    void submitted() {
        mongo.database().drop();
        collection = mongo.database().getCollection(ApplicationStatusRepository.COLLECTION);
        repository = new ApplicationStatusRepository(mongo.database());
        projection = new ApplicationStatusProjection(repository);
        personalDraw = drawn(PoolKind.PERSONAL, PERSONAL_QUOTA, personalPool());
        Set<String> winners = personalDraw.winners().stream().map(PoolDrawnEvent.Winner::code)
                                          .collect(Collectors.toSet());
        winner = ApplicationCode.of(personalDraw.winners().get(0).code());
        loser = ApplicationCode.of(personalPool().entries().stream().map(PoolEntry::code)
                                                 .filter(code -> !winners.contains(code)).findFirst().orElseThrow());
        projection.on(individualSubmitted(winner), T0, 0L, "WEB", null, "applicant");
        projection.on(individualSubmitted(loser), T0, 0L, "WEB", null, "applicant");
        projection.on(enterpriseSubmitted(ENTERPRISE), T0, 0L, "WEB", null, "applicant");
    }

    @Test
    void aFrozenPoolGivesEachKnownApplicationItsRoundPoolAndWeights() {
        frozen(PoolKind.PERSONAL, PERSONAL_QUOTA, personalPool()).chunks().forEach(projection::on);
        frozen(PoolKind.ENTERPRISE, ENTERPRISE_QUOTA, enterprisePool()).chunks().forEach(projection::on);

        assertThat(rounds(winner)).containsExactly(new RoundEntryView(
                ROUND.value(), PoolKind.PERSONAL, null, List.of(new Entry(winner.value(), weight(winner), null))));
        assertThat(rounds(loser)).containsExactly(new RoundEntryView(
                ROUND.value(), PoolKind.PERSONAL, null, List.of(new Entry(loser.value(), weight(loser), null))));
        assertThat(rounds(ENTERPRISE)).containsExactly(new RoundEntryView(
                ROUND.value(), PoolKind.ENTERPRISE, null, List.of(new Entry(ENTERPRISE.value() + "-1", 1L, null),
                                                                  new Entry(ENTERPRISE.value() + "-2", 1L, null))));
        // the other codes of the pool are not known here: no documents are made up for them
        assertThat(collection.countDocuments()).isEqualTo(3);
        assertThat(repository.find(winner.value()).orElseThrow().lastSequence()).isZero();
    }

    @Test
    void theDrawMarksTheWinnersWithTheirSequenceAndEveryOtherEntrantAsNotDrawn() {
        frozenAndDrawn();

        int sequence = personalDraw.winners().get(0).sequence();
        assertThat(rounds(winner)).containsExactly(new RoundEntryView(
                ROUND.value(), PoolKind.PERSONAL, true,
                List.of(new Entry(winner.value(), weight(winner), sequence))));
        assertThat(rounds(loser)).containsExactly(new RoundEntryView(
                ROUND.value(), PoolKind.PERSONAL, false, List.of(new Entry(loser.value(), weight(loser), null))));
        RoundEntryView enterprise = rounds(ENTERPRISE).get(0);
        assertThat(enterprise.drawn()).isTrue();
        assertThat(enterprise.entries()).extracting(Entry::code)
                                        .containsExactly(ENTERPRISE.value() + "-1", ENTERPRISE.value() + "-2");
        assertThat(enterprise.entries()).extracting(Entry::sequence).containsExactlyInAnyOrder(1, 2);
        assertThat(enterprise.entries()).extracting(Entry::sequence).containsExactlyElementsOf(
                enterpriseSequences());
        // the loser's document was not written to by the draw
        assertThat(repository.find(loser.value()).orElseThrow().round(ROUND.value()).orElseThrow().entries())
                .extracting(RoundEntry.Entry::sequence).containsOnlyNulls();
    }

    @Test
    void theRecordedOutcomeIsKeptWithTheRoundAndTheWinnerIsDrawn() {
        frozenAndDrawn();
        outcomes();

        ApplicationStatusView won = view(winner);
        assertThat(won.status()).isEqualTo(ApplicationStatus.DRAWN);
        assertThat(won.rounds()).containsExactly(new RoundEntryView(
                ROUND.value(), PoolKind.PERSONAL, true,
                List.of(new Entry(winner.value(), weight(winner), personalDraw.winners().get(0).sequence()))));
        assertThat(view(loser).rounds().get(0).drawn()).isFalse();
        assertThat(view(loser).status()).isEqualTo(ApplicationStatus.AWAITING_PREQUALIFICATION);
        assertThat(view(ENTERPRISE).rounds().get(0).drawn()).isTrue();
        assertThat(repository.find(winner.value()).orElseThrow().round(ROUND.value()).orElseThrow())
                .extracting(RoundEntry::won, RoundEntry::outcomeSequence)
                .containsExactly(true, personalDraw.winners().get(0).sequence());
    }

    @Test
    void anOutcomeAloneStillShowsTheRound() {
        projection.on(new RoundOutcomeRecordedEvent(loser, ROUND, false, 0, POLICY), T0, 1L, "SYSTEM", null, null);

        assertThat(rounds(loser)).containsExactly(new RoundEntryView(ROUND.value(), null, false, List.of()));
    }

    @Test
    void redeliveryChangesNothing() {
        frozenAndDrawn();
        outcomes();
        List<Document> before = documents();

        frozenAndDrawn();
        outcomes();
        // a freeze redelivered on its own, after the draw, keeps the sequence numbers
        frozen(PoolKind.PERSONAL, PERSONAL_QUOTA, personalPool()).chunks().forEach(projection::on);
        frozen(PoolKind.ENTERPRISE, ENTERPRISE_QUOTA, enterprisePool()).chunks().forEach(projection::on);

        assertThat(documents()).isEqualTo(before);
        assertThat(view(winner).timeline()).hasSize(2);
        assertThat(mongo.database().getCollection(ApplicationStatusRepository.DRAWN_POOLS).countDocuments())
                .isEqualTo(2);
    }

    private void frozenAndDrawn() {
        frozen(PoolKind.PERSONAL, PERSONAL_QUOTA, personalPool()).chunks().forEach(projection::on);
        frozen(PoolKind.ENTERPRISE, ENTERPRISE_QUOTA, enterprisePool()).chunks().forEach(projection::on);
        projection.on(personalDraw);
        projection.on(drawn(PoolKind.ENTERPRISE, ENTERPRISE_QUOTA, enterprisePool()));
    }

    private void outcomes() {
        projection.on(new RoundOutcomeRecordedEvent(winner, ROUND, true, personalDraw.winners().get(0).sequence(),
                                                    POLICY), T0, 1L, "SYSTEM", null, null);
        projection.on(new RoundOutcomeRecordedEvent(loser, ROUND, false, 0, POLICY), T0, 1L, "SYSTEM", null, null);
        projection.on(new RoundOutcomeRecordedEvent(ENTERPRISE, ROUND, true, enterpriseSequences().get(0), POLICY),
                      T0, 1L, "SYSTEM", null, null);
    }

    /** The sequence numbers of the enterprise's entries {@code -1}, {@code -2}, as the draw gave them. */
    static List<Integer> enterpriseSequences() {
        PoolDrawnEvent draw = drawn(PoolKind.ENTERPRISE, ENTERPRISE_QUOTA, enterprisePool());
        List<Integer> sequences = new ArrayList<>();
        for (String suffix : List.of("-1", "-2")) {
            sequences.add(draw.winners().stream().filter(w -> w.code().equals(ENTERPRISE.value() + suffix))
                              .findFirst().orElseThrow().sequence());
        }
        return sequences;
    }

    private static long weight(ApplicationCode code) {
        return personalPool().entries().stream().filter(e -> e.code().equals(code.value()))
                             .findFirst().orElseThrow().weight();
    }

    private List<Document> documents() {
        return List.of(collection.find(eq("_id", winner.value())).first(),
                       collection.find(eq("_id", loser.value())).first(),
                       collection.find(eq("_id", ENTERPRISE.value())).first());
    }

    private List<RoundEntryView> rounds(ApplicationCode code) {
        return view(code).rounds();
    }

    private ApplicationStatusView view(ApplicationCode code) {
        return repository.find(code.value()).orElseThrow().toView(repository::isDrawn);
    }
}
