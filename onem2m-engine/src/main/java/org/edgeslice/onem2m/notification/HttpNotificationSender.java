package org.edgeslice.onem2m.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.edgeslice.onem2m.common.Json;

/**
 * {@link NotificationSender} over HTTP (TS-0009 §6: NOTIFY = POST with {@code Content-Type: application/json} and
 * no {@code ty}). One {@link HttpClient} for the sender's lifetime, so connections to a receiver are kept alive
 * and reused. The client is built on first use: building it initialises TLS (about half a second of class
 * loading), which a slice that never notifies should not pay at start-up.
 */
public final class HttpNotificationSender implements NotificationSender {
    private final Duration connectTimeout;
    private final Duration timeout;
    private volatile HttpClient client;
    private final String releaseVersion;

    public HttpNotificationSender(Duration connectTimeout, Duration requestTimeout, String releaseVersion) {
        this.connectTimeout = connectTimeout;
        this.timeout = requestTimeout;
        this.releaseVersion = releaseVersion;
    }

    public HttpNotificationSender() {
        this(Duration.ofSeconds(2), Duration.ofSeconds(5), "3");
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    @Override
    public DeliveryResult send(URI target, String originator, String requestId, JsonNode body) {
        return send(target, originator, requestId, body, null);
    }

    @Override
    public DeliveryResult send(URI target, String originator, String requestId, JsonNode body,
                               String rvi) {
        String scheme = target.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            return DeliveryResult.failed("unsupported scheme in " + target);
        }
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("X-M2M-Origin", originator)
                .header("X-M2M-RI", requestId)
                .header("X-M2M-RVI", rvi != null ? rvi : releaseVersion)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body)))
                .build();
        try {
            HttpResponse<Void> response = client().send(request, HttpResponse.BodyHandlers.discarding());
            return DeliveryResult.ofHttpAnswer(response.headers().firstValue("X-M2M-RSC").orElse(null),
                    response.statusCode());
        } catch (IOException e) {
            return DeliveryResult.failed(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.failed("interrupted");
        } catch (IllegalArgumentException e) {
            return DeliveryResult.failed("invalid target " + target);
        }
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() before Java 21; its threads are daemons and go with the client
    }
}
