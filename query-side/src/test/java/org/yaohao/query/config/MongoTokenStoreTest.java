package org.yaohao.query.config;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaohao.query.InProcessMongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Axon's MongoTokenStore, built as the query side builds it, on the in-process server of the standalone jar. */
class MongoTokenStoreTest {

    private static final String PROCESSOR = "query-projections";

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private TokenStore tokenStore;

    @BeforeEach
    void emptyStore() {
        mongo.database().drop();
        tokenStore = QuerySideConfiguration.mongoTokenStore(mongo.database(), serializer, false);
    }

    @Test
    void storesATokenForASegmentAndFetchesItBack() {
        tokenStore.initializeTokenSegments(PROCESSOR, 1);
        assertThat(tokenStore.fetchSegments(PROCESSOR)).containsExactly(0);
        assertThat(tokenStore.fetchToken(PROCESSOR, 0)).isNull();

        tokenStore.storeToken(new GlobalSequenceTrackingToken(42), PROCESSOR, 0);

        assertThat(tokenStore.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(42));
        assertThat(mongo.database().getCollection(QuerySideConfiguration.TOKEN_COLLECTION).countDocuments())
                .isEqualTo(1);
    }

    @Test
    void keepsAReplayTokenThroughJackson() {
        tokenStore.initializeTokenSegments(PROCESSOR, 1, null);
        TrackingToken replay = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(7));

        tokenStore.storeToken(replay, PROCESSOR, 0);

        assertThat(tokenStore.fetchToken(PROCESSOR, 0)).isEqualTo(replay);
    }

    @Test
    void aClaimedSegmentIsNotTakenByAnotherNodeUntilReleased() {
        tokenStore.initializeTokenSegments(PROCESSOR, 1);
        tokenStore.fetchToken(PROCESSOR, 0);
        TokenStore otherNode = MongoTokenStore.builder()
                                              .mongoTemplate(DefaultMongoTemplate.builder()
                                                                                 .mongoDatabase(mongo.database())
                                                                                 .trackingTokensCollectionName(
                                                                                         QuerySideConfiguration.TOKEN_COLLECTION)
                                                                                 .build())
                                              .serializer(serializer)
                                              .ensureIndexes(false)
                                              .nodeId("other-node")
                                              .build();

        assertThatThrownBy(() -> otherNode.fetchToken(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);

        tokenStore.releaseClaim(PROCESSOR, 0);
        assertThat(otherNode.fetchToken(PROCESSOR, 0)).isNull();
    }

    @Test
    void hasAStorageIdentifier() {
        assertThat(tokenStore.retrieveStorageIdentifier()).isPresent();
        assertThat(tokenStore.retrieveStorageIdentifier()).isEqualTo(tokenStore.retrieveStorageIdentifier());
    }
}
