package org.yaohao.query.round;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.draw.Pool;
import org.yaohao.kernel.policy.AllocationMethod;
import org.yaohao.kernel.policy.PoolKind;
import org.yaohao.kernel.round.FindRoundQuery;
import org.yaohao.kernel.round.FindRoundResultsQuery;
import org.yaohao.kernel.round.PoolDrawnEvent;
import org.yaohao.kernel.round.PoolFrozenEvent;
import org.yaohao.kernel.round.RoundResultsView;
import org.yaohao.kernel.round.RoundStatus;
import org.yaohao.kernel.round.RoundView;
import org.yaohao.kernel.round.RoundView.PoolView;
import org.yaohao.query.InProcessMongo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.query.TestEvents.POLICY;
import static org.yaohao.query.round.RoundEvents.COMMITMENT;
import static org.yaohao.query.round.RoundEvents.CUT_OFF;
import static org.yaohao.query.round.RoundEvents.CUT_OFF_INSTANT;
import static org.yaohao.query.round.RoundEvents.DRAW_DATE;
import static org.yaohao.query.round.RoundEvents.ENTERPRISE_QUOTA;
import static org.yaohao.query.round.RoundEvents.PERSONAL_QUOTA;
import static org.yaohao.query.round.RoundEvents.PUBLISHED_ON;
import static org.yaohao.query.round.RoundEvents.ROUND;
import static org.yaohao.query.round.RoundEvents.SEED;
import static org.yaohao.query.round.RoundEvents.committed;
import static org.yaohao.query.round.RoundEvents.drawn;
import static org.yaohao.query.round.RoundEvents.enterprisePool;
import static org.yaohao.query.round.RoundEvents.freeze;
import static org.yaohao.query.round.RoundEvents.frozen;
import static org.yaohao.query.round.RoundEvents.largePool;
import static org.yaohao.query.round.RoundEvents.personalPool;
import static org.yaohao.query.round.RoundEvents.published;
import static org.yaohao.query.round.RoundEvents.scheduled;
import static org.yaohao.query.round.RoundEvents.wholeRound;

/** The rounds projection and its query handler against the real driver and the in-process MongoDB server. */
class RoundsProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private RoundsProjection projection;
    private RoundQueryHandler queryHandler;
    private FrozenPoolRepository frozenPools;

    @BeforeEach
    void emptyCollections() {
        mongo.database().drop();
        RoundRepository rounds = new RoundRepository(mongo.database());
        frozenPools = new FrozenPoolRepository(mongo.database());
        projection = new RoundsProjection(rounds, frozenPools);
        queryHandler = new RoundQueryHandler(rounds);
    }

    @Test
    void followsARoundFromScheduleToPublishedResults() {
        assertThat(queryHandler.handle(new FindRoundQuery(ROUND))).isEmpty();

        projection.on(scheduled(), 0L);
        RoundView scheduled = view();
        assertThat(scheduled.roundId()).isEqualTo(ROUND.value());
        assertThat(scheduled.quotaType()).isEqualTo(QuotaType.ORDINARY);
        assertThat(scheduled.status()).isEqualTo(RoundStatus.SCHEDULED);
        assertThat(scheduled.policyVersion()).isEqualTo(POLICY);
        assertThat(scheduled.drawDate()).isEqualTo(DRAW_DATE);
        assertThat(scheduled.cutOff()).isEqualTo(CUT_OFF);
        assertThat(scheduled.commitment()).isNull();
        assertThat(scheduled.pools()).containsExactly(
                new PoolView(PoolKind.PERSONAL, AllocationMethod.LOTTERY, PERSONAL_QUOTA, null, null, null, null, null,
                             null, null, List.of()),
                new PoolView(PoolKind.ENTERPRISE, AllocationMethod.LOTTERY, ENTERPRISE_QUOTA, null, null, null, null,
                             null, null, null, List.of()));

        projection.on(committed(), 1L);
        assertThat(view().status()).isEqualTo(RoundStatus.SEED_COMMITTED);
        assertThat(view().commitment()).isEqualTo(COMMITMENT);

        Pool personal = personalPool();
        freeze(projection, frozen(PoolKind.PERSONAL, PERSONAL_QUOTA, personal), 2L);
        assertThat(view().status()).as("the enterprise pool is not frozen yet").isEqualTo(RoundStatus.SEED_COMMITTED);
        freeze(projection, frozen(PoolKind.ENTERPRISE, ENTERPRISE_QUOTA, enterprisePool()), 3L);
        RoundView frozen = view();
        assertThat(frozen.status()).isEqualTo(RoundStatus.POOLS_FROZEN);
        assertThat(frozen.pools().get(0)).isEqualTo(
                new PoolView(PoolKind.PERSONAL, AllocationMethod.LOTTERY, PERSONAL_QUOTA, 5, 28L, personal.digest(),
                             CUT_OFF_INSTANT, null, null, null, List.of()));
        assertThat(frozen.pools().get(1).entryCount()).isEqualTo(3);
        assertThat(frozen.pools().get(1).digest()).isEqualTo(enterprisePool().digest());
        assertThat(frozen.pools().get(0).seed()).as("the seed stays secret until the draw").isNull();

        PoolDrawnEvent personalDraw = drawn(PoolKind.PERSONAL, PERSONAL_QUOTA, personal);
        projection.on(personalDraw, 4L);
        assertThat(view().status()).as("the enterprise pool is not drawn yet").isEqualTo(RoundStatus.POOLS_FROZEN);
        projection.on(drawn(PoolKind.ENTERPRISE, ENTERPRISE_QUOTA, enterprisePool()), 5L);
        RoundView drawn = view();
        assertThat(drawn.status()).isEqualTo(RoundStatus.DRAWN);
        PoolView personalView = drawn.pools().get(0);
        assertThat(personalView.drawId()).isEqualTo("2023-ORD-02/PERSONAL");
        assertThat(personalView.algorithm()).isEqualTo("v1");
        assertThat(personalView.seed()).isEqualTo(HexFormat.of().formatHex(SEED));
        assertThat(personalView.digest()).isEqualTo(personal.digest());
        assertThat(personalView.winners()).hasSize(PERSONAL_QUOTA)
                                          .extracting(RoundView.Winner::sequence).containsExactly(1, 2, 3);
        assertThat(personalView.winners()).extracting(RoundView.Winner::code)
                                          .containsExactlyElementsOf(personalDraw.winners().stream()
                                                                                 .map(PoolDrawnEvent.Winner::code)
                                                                                 .toList());
        assertThat(drawn.pools().get(1).winners()).hasSize(ENTERPRISE_QUOTA);
        assertThat(drawn.publishedOn()).isNull();

        projection.on(published(), 6L);
        assertThat(view().status()).isEqualTo(RoundStatus.RESULTS_PUBLISHED);
        assertThat(view().publishedOn()).isEqualTo(PUBLISHED_ON);
    }

    @Test
    void theResultsAreTheWinnersPerPoolInDrawOrder() {
        wholeRound(projection);

        RoundResultsView results = queryHandler.handle(new FindRoundResultsQuery(ROUND)).orElseThrow();
        assertThat(results.status()).isEqualTo(RoundStatus.RESULTS_PUBLISHED);
        assertThat(results.publishedOn()).isEqualTo(PUBLISHED_ON);
        assertThat(results.pools()).extracting(RoundResultsView.PoolResults::pool)
                                   .containsExactly(PoolKind.PERSONAL, PoolKind.ENTERPRISE);
        assertThat(results.pools().get(0).winners())
                .containsExactlyElementsOf(drawn(PoolKind.PERSONAL, PERSONAL_QUOTA, personalPool()).winners().stream()
                        .map(w -> new RoundView.Winner(w.sequence(), w.code())).toList());
    }

    @Test
    void keepsThePoolEntriesOutOfTheRoundDocument() {
        wholeRound(projection);

        Document round = rawRound();
        String json = round.toJson();
        List<String> winners = view().pools().get(0).winners().stream().map(RoundView.Winner::code).toList();
        personalPool().entries().stream()
                      .filter(entry -> !winners.contains(entry.code()))
                      .forEach(entry -> assertThat(json).doesNotContain(entry.code()));
        assertThat(json).doesNotContain("entries");
        assertThat(mongo.database().getCollection(FrozenPoolRepository.COLLECTION)
                        .find(eq("_id", "2023-ORD-02/PERSONAL")).first())
                .containsEntry("digest", personalPool().digest())
                .containsEntry("entryCount", 5)
                .containsEntry("chunkCount", 1);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        wholeRound(projection);
        Document round = rawRound();
        List<Document> pools = rawFrozenPools();

        wholeRound(projection);
        freeze(projection, frozen(PoolKind.PERSONAL, PERSONAL_QUOTA, personalPool()), 2L);
        projection.on(committed(), 1L);

        assertThat(rawRound()).isEqualTo(round);
        assertThat(rawFrozenPools()).isEqualTo(pools);
        assertThat(view().status()).isEqualTo(RoundStatus.RESULTS_PUBLISHED);
    }

    @Test
    void aFreezeRedeliveredAfterACrashBeforeTheRoundDocumentStoresTheSameText() throws IOException {
        projection.on(scheduled(), 0L);
        projection.on(committed(), 1L);
        RoundEvents.Frozen freeze = frozen(PoolKind.PERSONAL, PERSONAL_QUOTA, personalPool());
        freeze.chunks().forEach(frozenPools::saveChunk);
        frozenPools.saveHead(freeze.head()); // the text was stored, then the process died before the round document
        List<Document> before = rawFrozenPools();

        freeze(projection, freeze, 2L);

        assertThat(rawFrozenPools()).isEqualTo(before);
        assertThat(view().pools().get(0).entryCount()).isEqualTo(5);
        assertThat(download(PoolKind.PERSONAL)).isEqualTo(personalPool().toText());
    }

    @Test
    void theStoredTextOfAPoolLargerThanOneChunkHashesToThePublishedDigest() throws Exception {
        Pool pool = largePool(120_000);
        RoundEvents.Frozen freeze = frozen(PoolKind.PERSONAL, PERSONAL_QUOTA, pool);
        projection.on(scheduled(), 0L);
        projection.on(committed(), 1L);
        freeze(projection, freeze, 2L);

        FrozenPool head = frozenPools.find(ROUND.value(), PoolKind.PERSONAL).orElseThrow();
        assertThat(head.chunkCount()).isEqualTo(3);
        assertThat(head.entryCount()).isEqualTo(120_000);
        List<Document> chunks = rawFrozenPools().stream().filter(d -> d.getString("_id").contains("#")).toList();
        assertThat(chunks).extracting(d -> d.getString("_id"))
                          .containsExactly("2023-ORD-02/PERSONAL#0", "2023-ORD-02/PERSONAL#1",
                                           "2023-ORD-02/PERSONAL#2");
        assertThat(chunks).extracting(d -> d.getInteger("lineCount")).containsExactly(50_000, 50_000, 20_000);

        byte[] text = download(PoolKind.PERSONAL);
        assertThat(sha256(text)).isEqualTo(freeze.digest());
        assertThat(text).hasSize((int) head.byteLength());
        assertThat(Pool.parse(text).digest()).isEqualTo(pool.digest());
        assertThat(view().pools().get(0).entryCount()).isEqualTo(120_000);
        assertThat(view().pools().get(0).totalWeight()).isEqualTo(pool.totalWeight());
        assertThat(rawRound().toJson().length()).as("the round document stays small").isLessThan(2_000);
    }

    @Test
    void anEventOfAnUnknownRoundIsSkipped() {
        projection.on(committed(), 1L);

        assertThat(queryHandler.handle(new FindRoundQuery(ROUND))).isEmpty();
    }

    private RoundView view() {
        return queryHandler.handle(new FindRoundQuery(ROUND)).orElseThrow();
    }

    private byte[] download(PoolKind pool) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frozenPools.writeText(frozenPools.find(ROUND.value(), pool).orElseThrow(), out);
        return out.toByteArray();
    }

    private Document rawRound() {
        return mongo.database().getCollection(RoundRepository.COLLECTION).find(eq("_id", ROUND.value())).first();
    }

    private List<Document> rawFrozenPools() {
        return mongo.database().getCollection(FrozenPoolRepository.COLLECTION).find()
                    .sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
