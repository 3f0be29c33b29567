package org.yaohao.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaohao.query.InProcessMongo;
import org.yaohao.query.config.QuerySideConfiguration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections' write path on the in-process server: a batch's writes wait for its token, go out before it,
 * are visible to the batch's own reads, and vanish with a failed batch.
 */
class BufferedCollectionTest {

    private static final String PROCESSOR = "query-projections";

    private static final List<String> writes = new CopyOnWriteArrayList<>();
    private static InProcessMongo mongo;

    private MongoCollection<Document> stored;
    private BufferedCollection buffered;
    private TokenStore tokens;

    @BeforeAll
    static void startMongo() {
        mongo = new InProcessMongo(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("update")) {
                    writes.add(event.getCommand().getString("update").getValue());
                } else if (event.getCommandName().equals("insert")) {
                    writes.add("insert " + event.getCommand().getString("insert").getValue());
                }
            }
        });
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void emptyStore() {
        mongo.database().drop();
        stored = mongo.database().getCollection("documents");
        buffered = new BufferedCollection(stored);
        tokens = new FlushingTokenStore(QuerySideConfiguration.mongoTokenStore(
                mongo.database(), JacksonSerializer.defaultSerializer(), false));
        tokens.initializeTokenSegments(PROCESSOR, 1);
        tokens.fetchToken(PROCESSOR, 0);
    }

    @Test
    void outsideABatchAWriteGoesOutAtOnce() {
        buffered.replace("a", new Document("_id", "a").append("n", 1));

        assertThat(stored.countDocuments()).isEqualTo(1);
        assertThat(buffered.find("a")).hasValueSatisfying(document -> assertThat(document.get("n")).isEqualTo(1));
    }

    @Test
    void aBatchReadsItsOwnWritesAndWritesThemBeforeItsToken() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        buffered.replace("a", new Document("_id", "a").append("n", 1));
        buffered.replace("b", new Document("_id", "b").append("n", 1));
        buffered.replace("a", new Document("_id", "a").append("n", 2));
        buffered.delete("b");

        assertThat(buffered.find("a")).hasValueSatisfying(document -> assertThat(document.get("n")).isEqualTo(2));
        assertThat(buffered.find("b")).isEmpty();
        assertThat(stored.countDocuments()).as("nothing written before the token").isZero();

        List<Long> storedWhenTokenWritten = new ArrayList<>();
        TokenStore observed = new FlushingTokenStore(new TokenStore() {
            @Override
            public void storeToken(TrackingToken token, String processorName, int segment) {
                storedWhenTokenWritten.add(stored.countDocuments());
                tokens.storeToken(token, processorName, segment);
            }

            @Override
            public TrackingToken fetchToken(String processorName, int segment) {
                return tokens.fetchToken(processorName, segment);
            }

            @Override
            public void releaseClaim(String processorName, int segment) {
                tokens.releaseClaim(processorName, segment);
            }

            @Override
            public int[] fetchSegments(String processorName) {
                return tokens.fetchSegments(processorName);
            }
        });
        // as a tracking processor does: the token is stored when the batch prepares its commit
        batch.onPrepareCommit(unitOfWork -> observed.storeToken(new GlobalSequenceTrackingToken(3), PROCESSOR, 0));
        batch.commit();

        assertThat(stored.find().into(new ArrayList<>()))
                .containsExactly(new Document("_id", "a").append("n", 2));
        assertThat(storedWhenTokenWritten).containsExactly(1L);
        assertThat(tokens.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(3));
    }

    @Test
    void aFailedBatchWritesNothing() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        buffered.replace("a", new Document("_id", "a").append("n", 1));

        batch.rollback(new IllegalStateException("a handler failed"));

        assertThat(stored.countDocuments()).isZero();
        assertThat(buffered.find("a")).isEmpty();
    }

    @Test
    void aBatchThatStoresNoTokenWritesWhenItCommits() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        buffered.replace("a", new Document("_id", "a").append("n", 1));

        batch.commit();

        assertThat(stored.countDocuments()).isEqualTo(1);
    }

    @Test
    void prefetchedDocumentsAreReadFromTheBatchAndAWriteSupersedesThem() {
        stored.insertOne(new Document("_id", "a").append("n", 1));
        stored.insertOne(new Document("_id", "b").append("n", 1));
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);

        buffered.prefetch(List.of("a", "b", "missing"));
        stored.deleteMany(new Document()); // what the batch reads now comes from the prefetch

        assertThat(buffered.find("a")).hasValueSatisfying(document -> assertThat(document.get("n")).isEqualTo(1));
        assertThat(buffered.find("missing")).isEmpty();
        buffered.replace("a", new Document("_id", "a").append("n", 2));
        assertThat(buffered.find("a")).hasValueSatisfying(document -> assertThat(document.get("n")).isEqualTo(2));

        BufferedCollection.flush();
        assertThat(buffered.find("a")).as("read back from the store after the flush, not from the prefetch")
                .hasValueSatisfying(document -> assertThat(document.get("n")).isEqualTo(2));
        assertThat(buffered.find("b")).as("the prefetch is dropped with the flush").isEmpty();
        batch.commit();
    }

    @Test
    void aSummaryOfHigherRankGoesOutAfterWhatItSumsUp() {
        BufferedCollection summaries = new BufferedCollection(mongo.database().getCollection("summaries"), 1);
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        summaries.replace("round", new Document("_id", "round").append("status", "DRAWN"));
        buffered.replace("a", new Document("_id", "a").append("drawn", true));
        writes.clear();

        batch.commit();

        assertThat(writes).containsExactly("documents", "summaries");
    }

    @Test
    void aDocumentTheBatchFoundMissingIsInsertedAndOneItFoundStoredIsReplaced() {
        stored.insertOne(new Document("_id", "old").append("n", 1));
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        assertThat(buffered.find("new")).isEmpty();
        assertThat(buffered.find("old")).isPresent();
        buffered.replace("new", new Document("_id", "new").append("n", 1));
        buffered.replace("old", new Document("_id", "old").append("n", 2));
        writes.clear();

        batch.commit();

        assertThat(writes).containsExactly("insert documents", "documents");
        assertThat(stored.find().into(new ArrayList<>())).containsExactlyInAnyOrder(
                new Document("_id", "old").append("n", 2), new Document("_id", "new").append("n", 1));
    }

    @Test
    void aBatchOfNewDocumentsGoesOutAsInserts() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        buffered.prefetch(List.of("a", "b"));
        buffered.replace("a", new Document("_id", "a").append("n", 1));
        buffered.replace("b", new Document("_id", "b").append("n", 1));
        writes.clear();

        batch.commit();

        assertThat(writes).containsExactly("insert documents");
        assertThat(stored.countDocuments()).isEqualTo(2);
    }

    @Test
    void aDeferredDocumentIsBuiltOnceWhenTheBatchIsWritten() {
        java.util.concurrent.atomic.AtomicInteger builds = new java.util.concurrent.atomic.AtomicInteger();
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        buffered.replace("a", () -> {
            builds.incrementAndGet();
            return new Document("_id", "a").append("n", 1);
        });
        buffered.replace("a", () -> {
            builds.incrementAndGet();
            return new Document("_id", "a").append("n", 2);
        });
        assertThat(builds).as("nothing built before it is needed").hasValue(0);
        assertThat(buffered.isPending("a")).isTrue();

        batch.commit();

        assertThat(builds).as("only the last one, once").hasValue(1);
        assertThat(stored.find().into(new ArrayList<>())).containsExactly(new Document("_id", "a").append("n", 2));
        assertThat(buffered.isPending("a")).isFalse();
    }

    @Test
    void aCollectionIsToldItsWritesOnceTheyAreStored() {
        List<String> toldWithStored = new ArrayList<>();
        BufferedCollection told = new BufferedCollection(stored, ids -> ids.forEach(
                id -> toldWithStored.add(id + "=" + stored.countDocuments(new Document("_id", id)))));
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        told.replace("a", new Document("_id", "a"));
        told.replace("b", new Document("_id", "b"));
        assertThat(toldWithStored).as("nothing told while pending").isEmpty();

        batch.commit();
        told.delete("a");

        assertThat(toldWithStored).containsExactly("a=1", "b=1", "a=0");
    }
}
