package org.edgeslice.meapp.mp1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake MEC platform on 127.0.0.1 for the client tests (and, through the test-jar, the ME Apps' tests): the token endpoint (client credentials, Basic auth) and the
 * Mp1 resources the client uses, with just enough behaviour (bearer check, 409 on a second registration, service
 * ids, subscriptions) to show what the client sends. The JDK server is fine here: tests, not a latency path.
 */
public final class FakeMp1Platform implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public record Call(String method, String path, String query, String authorization, String body) {
    }

    public final String clientId = "app-client";
    public final String clientSecret = "s3cret/+=";
    public final List<Call> calls = new CopyOnWriteArrayList<>();
    public final Map<String, JsonNode> services = Collections.synchronizedMap(new LinkedHashMap<>());
    public final Map<String, JsonNode> subscriptions = Collections.synchronizedMap(new LinkedHashMap<>());
    final AtomicInteger tokensIssued = new AtomicInteger();
    volatile long expiresIn = 300;
    volatile boolean registered;
    volatile String validToken = null;
    volatile int failNextWith = 0;
    private final HttpServer server;
    private final AtomicInteger ids = new AtomicInteger();

    public FakeMp1Platform() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mep", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mep";
    }

    public List<Call> calls(String method, String pathSuffix) {
        List<Call> out = new ArrayList<>();
        for (Call c : calls) {
            if (c.method.equals(method) && c.path.endsWith(pathSuffix)) {
                out.add(c);
            }
        }
        return out;
    }

    /** POSTs a notification to a callback like the platform would. */
    public static int notify(String callback, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(callback))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().substring("/mep".length());
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String method = ex.getRequestMethod();
        calls.add(new Call(method, path, ex.getRequestURI().getRawQuery(), auth, body));
        try {
            if (failNextWith != 0 && !path.equals("/oauth2/token")) {
                int s = failNextWith;
                failNextWith = 0;
                reply(ex, s, "{\"status\":" + s + ",\"detail\":\"injected\"}");
                return;
            }
            if (path.equals("/oauth2/token")) {
                String expected = "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + java.net.URLEncoder.encode(clientSecret, StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8));
                if (!expected.equals(auth) || !body.equals("grant_type=client_credentials")) {
                    reply(ex, 401, "{\"error\":\"invalid_client\"}");
                    return;
                }
                validToken = "tok-" + tokensIssued.incrementAndGet();
                reply(ex, 200, "{\"access_token\":\"" + validToken + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                        + expiresIn + "}");
                return;
            }
            if (validToken == null || !("Bearer " + validToken).equals(auth)) {
                reply(ex, 401, "{\"status\":401,\"detail\":\"bad token\"}");
                return;
            }
            JsonNode json = body.isEmpty() ? null : JSON.readTree(body);
            if (method.equals("POST") && path.equals("/mec_app_support/v2/registrations")) {
                if (registered) {
                    reply(ex, 409, "{\"status\":409,\"detail\":\"already registered\"}");
                    return;
                }
                registered = true;
                ex.getResponseHeaders().add("Location", url() + path + "/" + json.get("appInstanceId").asText());
                reply(ex, 201, body);
            } else if (method.equals("PUT") && path.startsWith("/mec_app_support/v2/registrations/")) {
                reply(ex, 204, null);
            } else if (method.equals("GET") && path.startsWith("/mec_app_support/v2/registrations/")) {
                reply(ex, 200, "{\"appName\":\"x\",\"appInstanceId\":\"" + path.substring(path.lastIndexOf('/') + 1)
                        + "\",\"extra\":true}");
            } else if (path.endsWith("/confirm_ready") || path.endsWith("/confirm_termination")) {
                reply(ex, 204, null);
            } else if (method.equals("GET") && path.endsWith("/subscriptions")) {
                StringBuilder b = new StringBuilder("{\"_links\":{\"self\":{\"href\":\"" + url() + path
                        + "\"},\"subscriptions\":[");
                synchronized (subscriptions) {
                    String sep = "";
                    for (Map.Entry<String, JsonNode> e : subscriptions.entrySet()) {
                        boolean appSupport = path.startsWith("/mec_app_support/");
                        String type = e.getValue().get("subscriptionType").asText();
                        if (appSupport == type.equals("AppTerminationNotificationSubscription")) {
                            b.append(sep).append("{\"href\":\"").append(url()).append(path).append('/').append(e.getKey())
                                    .append("\",\"rel\":\"").append(type).append("\"}");
                            sep = ",";
                        }
                    }
                }
                reply(ex, 200, b.append("]}}").toString());
            } else if (method.equals("POST") && path.endsWith("/subscriptions")) {
                String id = "sub" + ids.incrementAndGet();
                ex.getResponseHeaders().add("Location", url() + path + "/" + id);
                subscriptions.put(id, json);
                reply(ex, 201, body);
            } else if (method.equals("DELETE") && path.contains("/subscriptions/")) {
                subscriptions.remove(path.substring(path.lastIndexOf('/') + 1));
                reply(ex, 204, null);
            } else if (method.equals("POST") && path.endsWith("/services")) {
                String id = "ser" + ids.incrementAndGet();
                ((ObjectNode) json).put("serInstanceId", id);
                services.put(id, json);
                ex.getResponseHeaders().add("Location", url() + path + "/" + id);
                reply(ex, 201, json.toString());
            } else if (method.equals("PUT") && path.contains("/services/")) {
                String id = path.substring(path.lastIndexOf('/') + 1);
                services.put(id, json);
                reply(ex, 200, json.toString());
            } else if (method.equals("DELETE") && path.contains("/services/")) {
                reply(ex, services.remove(path.substring(path.lastIndexOf('/') + 1)) == null ? 404 : 204, null);
            } else if (method.equals("GET") && path.endsWith("/services")) {
                String q = ex.getRequestURI().getQuery();
                List<JsonNode> list = new ArrayList<>();
                synchronized (services) {
                    for (JsonNode s : services.values()) {
                        if (q == null || !q.startsWith("ser_name=")
                                || List.of(q.substring(9).split(",")).contains(s.get("serName").asText())) {
                            list.add(s);
                        }
                    }
                }
                reply(ex, 200, JSON.writeValueAsString(list));
            } else if (method.equals("GET") && path.contains("/services/")) {
                JsonNode s = services.get(path.substring(path.lastIndexOf('/') + 1));
                reply(ex, s == null ? 404 : 200, s == null ? "{\"status\":404}" : s.toString());
            } else {
                reply(ex, 404, "{\"status\":404,\"detail\":\"no such resource in the fake\"}");
            }
        } catch (RuntimeException e) {
            reply(ex, 500, "{\"status\":500,\"detail\":\"" + e + "\"}");
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
        } else {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
