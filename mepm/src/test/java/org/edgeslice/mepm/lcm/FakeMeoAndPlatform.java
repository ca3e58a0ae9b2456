package org.edgeslice.mepm.lcm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.edgeslice.testkit.FakeHttp;

/**
 * The MEO (host inventory, granting, AppDs, the Mm3 notification callback) and the host's MEC platform (Mm5) as
 * the MEPM sees them, served in the test JVM on 127.0.0.1 and recording every call.
 */
final class FakeMeoAndPlatform implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final HttpServer server;
    final List<JsonNode> registrations = new CopyOnWriteArrayList<>();
    final List<JsonNode> grants = new CopyOnWriteArrayList<>();
    final List<JsonNode> notifications = new CopyOnWriteArrayList<>();
    final Map<String, JsonNode> mm5Configs = new ConcurrentHashMap<>();
    final List<String> mm5Calls = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> terminationPolls = new ConcurrentHashMap<>();
    final Map<String, Long> terminationConfirmedAt = new ConcurrentHashMap<>();
    final Map<String, String> appDs = new ConcurrentHashMap<>();
    /** Grants answered 202: the request of each, and how often it was polled. */
    final Map<String, JsonNode> pendingGrants = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> grantPolls = new ConcurrentHashMap<>();
    volatile String expectedBearer;
    /** What Mm5 says of the app's Mp1 confirm_ready. */
    volatile boolean readyConfirmed = true;

    FakeMeoAndPlatform(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange x) throws IOException {
        String method = x.getRequestMethod();
        String path = x.getRequestURI().getPath();
        byte[] in = x.getRequestBody().readAllBytes();
        JsonNode body = in.length == 0 ? null : JSON.readTree(in);
        try {
            if (path.startsWith("/meo/mec_hosts/v1/hosts/") && method.equals("PUT")) {
                registrations.add(body);
                reply(x, 201, body);
            } else if (path.equals("/meo/granting/v1/grants") && method.equals("POST")) {
                grants.add(body);
                if (body.path("appDId").asText().contains("denied")) {
                    reply(x, 403, JSON.createObjectNode().put("status", 403).put("detail", "no capacity for you"));
                    return;
                }
                String id = "grant-" + grants.size();
                String appDId = body.path("appDId").asText();
                if (appDId.contains("slowgrant") || appDId.contains("stuckgrant")) {
                    // asynchronous granting: 202 + Location, decided at the third poll (slow) or never (stuck)
                    pendingGrants.put(id, body);
                    grantPolls.put(id, new AtomicInteger());
                    x.getResponseHeaders().set("Location", "/meo/granting/v1/grants/" + id);
                    reply(x, 202, null);
                    return;
                }
                reply(x, 201, grant(id, body));
            } else if (path.startsWith("/meo/granting/v1/grants/") && method.equals("GET")) {
                String id = path.substring(path.lastIndexOf('/') + 1);
                JsonNode request = pendingGrants.get(id);
                if (request == null) {
                    reply(x, 404, JSON.createObjectNode().put("status", 404));
                    return;
                }
                int n = grantPolls.get(id).incrementAndGet();
                if (request.path("appDId").asText().contains("stuckgrant") || n < 3) {
                    reply(x, 202, null); // no Location on the poll's 202: the first one named the grant
                } else {
                    reply(x, 200, grant(id, request));
                }
            } else if (path.startsWith("/meo/app_pkgm/v1/onboarded_app_packages/") && path.endsWith("/appd")) {
                String id = path.split("/")[5];
                String appD = appDs.get(id);
                if (appD == null) {
                    reply(x, 404, JSON.createObjectNode().put("status", 404));
                } else {
                    reply(x, 200, JSON.readTree(appD));
                }
            } else if (path.equals("/meo/mm3/v1/notifications") && method.equals("POST")) {
                notifications.add(body);
                reply(x, 204, null);
            } else if (path.startsWith("/mec-platform/mm5/v1/app_instances/")) {
                if (expectedBearer != null && !("Bearer " + expectedBearer).equals(x.getRequestHeaders().getFirst("Authorization"))) {
                    reply(x, 401, JSON.createObjectNode().put("status", 401));
                    return;
                }
                String[] parts = path.split("/");
                String id = parts[5];
                boolean termination = parts.length > 6 && parts[6].equals("termination");
                mm5Calls.add(method + " " + id + (termination ? "/termination" : ""));
                if (!termination && method.equals("PUT")) {
                    boolean created = mm5Configs.put(id, body) == null;
                    reply(x, created ? 201 : 200, body);
                } else if (!termination && method.equals("GET")) {
                    ObjectNode s = mm5Configs.containsKey(id) ? ((ObjectNode) mm5Configs.get(id)).deepCopy() : JSON.createObjectNode();
                    reply(x, mm5Configs.containsKey(id) ? 200 : 404, s.put("registered", true).put("readyConfirmed", readyConfirmed));
                } else if (!termination && method.equals("DELETE")) {
                    mm5Configs.remove(id);
                    reply(x, 204, null);
                } else if (method.equals("POST")) {
                    terminationPolls.put(id, new AtomicInteger());
                    terminationConfirmedAt.remove(id);
                    reply(x, 202, JSON.createObjectNode().put("state", "PENDING"));
                } else {
                    // the app confirms termination after a few polls, as a real app takes a moment
                    int n = terminationPolls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    String state = n < 4 ? "PENDING" : "CONFIRMED";
                    if (state.equals("CONFIRMED")) {
                        terminationConfirmedAt.putIfAbsent(id, System.currentTimeMillis());
                    }
                    reply(x, 200, JSON.createObjectNode().put("state", state));
                }
            } else {
                reply(x, 404, JSON.createObjectNode().put("status", 404).put("detail", method + " " + path));
            }
        } catch (RuntimeException e) {
            reply(x, 500, JSON.createObjectNode().put("status", 500).put("detail", e.toString()));
        }
    }

    private static ObjectNode grant(String id, JsonNode request) {
        ObjectNode g = JSON.createObjectNode().put("id", id)
                .put("appInstanceId", request.path("appInstanceId").asText())
                .put("appLcmOpOccId", request.path("appLcmOpOccId").asText());
        g.putObject("_links").set("appLcmOpOcc", request.at("/_links/appLcmOpOcc"));
        ((ObjectNode) g.get("_links")).set("appInstance", request.at("/_links/appInstance"));
        return g;
    }

    private static void reply(HttpExchange x, int status, JsonNode body) throws IOException {
        FakeHttp.reply(x, status, body == null ? null : JSON.writeValueAsString(body));
    }

    /** Notifications of one kind for one instance, e.g. instance states. */
    List<JsonNode> notificationsFor(String appInstanceId) {
        return notifications.stream().filter(n -> n.path("appInstanceId").asText().equals(appInstanceId)).toList();
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
