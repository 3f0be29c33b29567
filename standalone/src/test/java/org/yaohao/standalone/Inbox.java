package org.yaohao.standalone;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yaohao.standalone.YaohaoProcess.JSON;

/** The embedded notification inbox of a phone ({@code GET /api/dev/inbox/{phone}}), as a user reads it. */
final class Inbox {

    private Inbox() {
    }

    static List<JsonNode> messages(YaohaoProcess app, String phone) throws Exception {
        HttpResponse<String> response = app.get("/api/dev/inbox/" + phone, YaohaoProcess.ANONYMOUS);
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> messages = new ArrayList<>();
        JSON.readTree(response.body()).get("messages").forEach(messages::add);
        return messages;
    }

    /** Waits until the inbox holds a message matching the condition, and returns it. */
    static JsonNode await(YaohaoProcess app, String phone, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        List<JsonNode> last = List.of();
        while (Instant.now().isBefore(deadline)) {
            last = messages(app, phone);
            for (JsonNode message : last) {
                if (condition.test(message)) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such message for " + phone + "; inbox: " + last);
    }

    static Predicate<JsonNode> topic(String topic) {
        return message -> topic.equals(message.path("topic").asText());
    }

    static Predicate<JsonNode> about(String topic, String code) {
        return topic(topic).and(message -> message.path("text").asText().contains(code));
    }
}
