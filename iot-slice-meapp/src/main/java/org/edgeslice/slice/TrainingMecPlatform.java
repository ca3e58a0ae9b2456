package org.edgeslice.slice;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in MEC platform for the class-data-sharing training run only: it answers the Mp1 calls a slice makes
 * when it starts as an ME App (token, registration, subscriptions, services, confirm_ready, termination) just well
 * enough that the slice walks its whole Mp1 path, so the archive holds the Mp1 client's classes (Jackson data
 * binding, the JDK HTTP client) too. In a container they were a second of start-up CPU. Not a MEC platform.
 */
final class TrainingMecPlatform implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger ids = new AtomicInteger();

    TrainingMecPlatform() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mec-platform";
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String method = x.getRequestMethod();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (path.endsWith("/oauth2/token")) {
            reply(x, 200, "{\"access_token\":\"training\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        } else if (method.equals("GET") && path.endsWith("/subscriptions")) {
            reply(x, 200, "{\"_links\":{\"self\":{\"href\":\"" + path + "\"},\"subscriptions\":[]}}");
        } else if (method.equals("GET")) {
            reply(x, 200, "[]");
        } else if (method.equals("POST") && path.endsWith("/subscriptions")) {
            String self = path + "/" + ids.incrementAndGet();
            x.getResponseHeaders().add("Location", self);
            reply(x, 201, body.replaceFirst("\\}\\s*$", ",\"_links\":{\"self\":{\"href\":\"" + self + "\"}}}"));
        } else if (method.equals("POST") && path.endsWith("/services")) {
            reply(x, 201, body.replaceFirst("^\\s*\\{", "{\"serInstanceId\":\"training-" + ids.incrementAndGet() + "\","));
        } else if (method.equals("POST") && path.endsWith("/registrations")) {
            reply(x, 201, body);
        } else {
            reply(x, 204, null);
        }
    }

    private static void reply(HttpExchange x, int status, String json) throws IOException {
        byte[] b = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        if (json != null) {
            x.getResponseHeaders().add("Content-Type", "application/json");
        }
        x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            x.getResponseBody().write(b);
        }
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
