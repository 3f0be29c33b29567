package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaohao.kernel.draw.SeedCommitment;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/**
 * Operators and the projections: a document the rounds projection cannot read makes it park the round's events as
 * dead letters with the reason, while it and the other projections go on; once the document is fixed a retry applies
 * them. A rebuild replays a projection into fresh collections while the live ones serve, reports its progress,
 * refuses a second rebuild while it runs, and switches over to exactly the documents live processing had made.
 */
class ProjectionAdminIT {

    @TempDir
    Path work;

    @Test
    void deadLettersAreParkedAndRetriedAndARebuildEqualsLiveProcessing() throws Exception {
        int mongoPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            mongoPort = socket.getLocalPort();
        }
        String[] policy = RoundScenario.policy(work.resolve("policies"));
        try (YaohaoProcess app = YaohaoProcess.start(work.resolve("data"), policy[0], policy[1],
                "--yaohao.mongo.port=" + mongoPort, "--yaohao.projections.rebuild.events-per-second=10");
             MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            MongoCollection<Document> rounds = mongo.getDatabase("yaohao").getCollection("rounds");
            // somebody wrote a round document the projection cannot read, before the round exists
            rounds.insertOne(new Document("_id", RoundScenario.ROUND).append("status", 12345));

            List<String> codes = new ArrayList<>();
            for (String id : List.of(Samples.PASSES_HUKOU, Samples.PASSES_RESIDENCE_PERMIT)) {
                codes.add(RoundScenario.submitAndPay(app, Samples.individual(id)));
            }
            assertThat(app.post("/api/rounds", "{\"roundId\":\"" + RoundScenario.ROUND + "\"}").statusCode())
                    .isEqualTo(201);
            String commitment = SeedCommitment.commit(HexFormat.of().parseHex(RoundScenario.SEED));
            assertThat(app.post("/api/rounds/" + RoundScenario.ROUND + "/seed-commitment",
                    "{\"commitment\":\"" + commitment + "\"}", YaohaoProcess.REGULATOR).statusCode()).isEqualTo(200);

            // both round events are parked (the second behind the first), with the reason; the rest goes on
            JsonNode parked = awaitProjection(app, "rounds",
                    p -> p.get("deadLetterCount").asLong() == 2 && p.get("lag").asLong() == 0);
            JsonNode first = parked.get("deadLetters").get(0);
            assertThat(first.get("eventType").asText()).endsWith(".RoundScheduledEvent");
            assertThat(first.get("sequence").asText()).isEqualTo(RoundScenario.ROUND);
            assertThat(first.get("reason").asText()).contains("ClassCastException");
            assertThat(awaitProjection(app, "application-status", p -> p.get("lag").asLong() == 0)
                    .get("deadLetterCount").asLong()).isZero();
            app.awaitStatus(codes.get(1), "PREQUALIFIED");

            // fixed by hand, retried by an operator: the round appears with its commitment
            rounds.deleteOne(eq("_id", RoundScenario.ROUND));
            HttpResponse<String> retried = app.post("/api/admin/projections/rounds/dead-letters/retry", null);
            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
            assertThat(JSON.readTree(retried.body()).get("deadLettersLeft").asLong()).isZero();
            HttpResponse<String> round = app.get("/api/rounds/" + RoundScenario.ROUND);
            assertThat(round.statusCode()).isEqualTo(200);
            assertThat(round.body()).contains(commitment);
            assertThat(app.post("/api/admin/projections/no-such/dead-letters/retry", null).statusCode())
                    .isEqualTo(404);

            // a rebuild next to the live collection: the live one serves meanwhile, a second rebuild is refused
            MongoCollection<Document> statuses = mongo.getDatabase("yaohao").getCollection("application_status");
            List<Document> live = all(statuses);
            assertThat(live).hasSize(codes.size());
            // a live document altered by hand: the rebuilt one comes from the events again
            statuses.updateOne(eq("_id", codes.get(0)), Updates.set("tampered", true));
            HttpResponse<String> started = app.post("/api/admin/projections/application-status/rebuild", null);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            assertThat(JSON.readTree(started.body()).get("eventsTotal").asLong()).isPositive();
            HttpResponse<String> again = app.post("/api/admin/projections/application-status/rebuild", null);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
            assertThat(again.body()).contains("REBUILD_RUNNING");
            JsonNode running = awaitProjection(app, "application-status",
                    p -> p.path("rebuild").path("eventsDone").asLong() > 0);
            assertThat(running.get("rebuild").get("state").asText()).isEqualTo("RUNNING");
            assertThat(app.get("/api/applications/" + codes.get(0)).statusCode()).isEqualTo(200);
            JsonNode done = awaitProjection(app, "application-status",
                    p -> p.path("rebuild").path("state").asText().equals("DONE"));
            assertThat(done.get("rebuild").get("eventsDone").asLong())
                    .isGreaterThanOrEqualTo(done.get("rebuild").get("eventsTotal").asLong());
            assertThat(all(statuses)).isEqualTo(live);
            assertThat(app.get("/api/applications/" + codes.get(0)).statusCode()).isEqualTo(200);
            assertThat(app.log()).contains("Rebuild of projection application-status done");

            // the rounds projection, rebuilt without the bad document, equals what the retry made
            List<Document> liveRounds = all(rounds);
            assertThat(app.post("/api/admin/projections/rounds/rebuild", null).statusCode()).isEqualTo(202);
            awaitProjection(app, "rounds", p -> p.path("rebuild").path("state").asText().equals("DONE"));
            assertThat(all(rounds)).isEqualTo(liveRounds);
        }
    }

    private static List<Document> all(MongoCollection<Document> collection) {
        return collection.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private static JsonNode awaitProjection(YaohaoProcess app, String name, Predicate<JsonNode> condition)
            throws Exception {
        JsonNode last = null;
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> response = app.get("/api/admin/projections");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            for (JsonNode projection : JSON.readTree(response.body())) {
                if (projection.get("name").asText().equals(name)) {
                    last = projection;
                    if (condition.test(projection)) {
                        return projection;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("projection " + name + " never reached the expected state; last seen: " + last);
    }
}
