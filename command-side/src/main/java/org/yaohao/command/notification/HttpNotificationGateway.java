package org.yaohao.command.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The production adapter: {@code POST <url>} of {@code {"id","channel","phone","topic","text"}} to the SMS and push
 * gateway, with {@code Idempotency-Key: <id>} so the gateway drops a repeat. Any 2xx is delivered; anything else, or no
 * answer, is a failed attempt that the outbox retries.
 */
class HttpNotificationGateway implements NotificationPort {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final HttpClient http;
    private final Duration requestTimeout;

    HttpNotificationGateway(URI url, Duration connectTimeout, Duration requestTimeout) {
        this.url = url;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    public void deliver(Notification notification) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", notification.id());
        body.put("channel", notification.channel().name());
        body.put("phone", notification.phone());
        body.put("topic", notification.topic());
        body.put("text", notification.text());
        HttpResponse<Void> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout)
                    .header("Content-Type", "application/json").header("Idempotency-Key", notification.id())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new NotificationDeliveryException("the notification gateway did not answer: "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationDeliveryException("interrupted while sending", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new NotificationDeliveryException("the notification gateway answered " + response.statusCode());
        }
    }
}
