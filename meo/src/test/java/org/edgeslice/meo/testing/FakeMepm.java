package org.edgeslice.meo.testing;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.edgeslice.testkit.FakeHttp;

/**
 * A tiny MEPM in the test JVM that follows the Mm3 contract of docs/interfaces.md: it serves the MEC 010-2
 * LCM subset under {@code /mepm}, fetches the AppD from the MEO, asks the MEO for a grant before each
 * operation, completes operations after {@code completionDelayMs} and notifies its subscribers. Switches let
 * a test make it unreachable or fail the next operation.
 */
public final class FakeMepm implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final HttpServer server;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final String meoRoot;
    private final String hostId;
    private final Map<String, ObjectNode> instances = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> ops = new ConcurrentHashMap<>();
    private final List<String> subscribers = new CopyOnWriteArrayList<>();
    /** Every request, as "METHOD path". */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** Every grant the MEO gave, as returned. */
    public final List<JsonNode> grants = new CopyOnWriteArrayList<>();
    public volatile boolean down;
    public volatile boolean failNextOperation;
    public volatile long completionDelayMs = 50;
    /**
     * While set and closed, operations stay PROCESSING until the test opens it: a test that needs an operation in
     * flight holds it there, instead of hoping a delay outlasts its requests on a loaded machine.
     */
    public volatile java.util.concurrent.CountDownLatch hold;

    public FakeMepm(String meoRoot, String hostId) throws IOException {
        this.meoRoot = meoRoot.endsWith("/") ? meoRoot.substring(0, meoRoot.length() - 1) : meoRoot;
        this.hostId = hostId;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/mepm/", this::handle);
        server.start();
    }

    public String apiRoot() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mepm";
    }

    /** The MecHostInfo JSON this MEPM registers with. */
    public String hostInfo(double lat, double lon, String zone, long cpuMillis, long memoryMb) {
        return """
                {"hostId": "%s", "name": "host %s", "location": {"latitude": %s, "longitude": %s, "zone": "%s"},
                 "capacity": {"cpuMillis": %d, "memoryMb": %d}, "mepmApiRoot": "%s",
                 "mepApiRoot": "http://127.0.0.1:1/mec-platform", "driver": "fake"}
                """.formatted(hostId, hostId, lat, lon, zone, cpuMillis, memoryMb, apiRoot());
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    public ObjectNode instance(String id) {
        return instances.get(id);
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath().substring("/mepm/".length());
        calls.add(method + " " + path);
        try {
            if (down) {
                send(ex, 503, "{\"status\":503,\"detail\":\"down\"}");
                return;
            }
            byte[] raw = ex.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
            String[] p = path.split("/");
            if (path.equals("app_lcm/v1/subscriptions") && method.equals("POST")) {
                subscribers.add(body.path("callbackUri").asText());
                send(ex, 201, JSON.createObjectNode().put("id", UUID.randomUUID().toString())
                        .put("subscriptionType", body.path("subscriptionType").asText())
                        .put("callbackUri", body.path("callbackUri").asText()).toString());
            } else if (path.equals("app_lcm/v1/app_instances") && method.equals("POST")) {
                String id = body.path("appInstanceId").asText();
                if (instances.containsKey(id)) {
                    send(ex, 409, "{\"status\":409,\"detail\":\"exists\"}");
                    return;
                }
                ObjectNode i = JSON.createObjectNode().put("id", id).put("appDId", body.path("appDId").asText())
                        .put("instantiationState", "NOT_INSTANTIATED");
                instances.put(id, i);
                send(ex, 201, i.toString());
            } else if (p.length == 4 && p[2].equals("app_instances") && method.equals("GET")) {
                ObjectNode i = instances.get(p[3]);
                send(ex, i == null ? 404 : 200, i == null ? "{\"status\":404}" : i.toString());
            } else if (p.length == 4 && p[2].equals("app_instances") && method.equals("DELETE")) {
                send(ex, instances.remove(p[3]) == null ? 404 : 204, null);
            } else if (p.length == 5 && p[2].equals("app_instances") && method.equals("POST")) {
                task(ex, p[3], p[4], body);
            } else if (p.length == 4 && p[2].equals("app_lcm_op_occs") && method.equals("GET")) {
                ObjectNode o = ops.get(p[3]);
                send(ex, o == null ? 404 : 200, o == null ? "{\"status\":404}" : o.toString());
            } else if (p.length == 5 && p[2].equals("app_lcm_op_occs") && p[4].equals("cancel")) {
                send(ex, 202, null);
            } else {
                send(ex, 404, "{\"status\":404}");
            }
        } catch (RuntimeException e) {
            send(ex, 500, "{\"status\":500,\"detail\":\"" + e + "\"}");
        }
    }

    private void task(HttpExchange ex, String id, String task, JsonNode body) throws IOException {
        ObjectNode inst = instances.get(id);
        if (inst == null) {
            send(ex, 404, "{\"status\":404}");
            return;
        }
        boolean instantiated = "INSTANTIATED".equals(inst.path("instantiationState").asText());
        if (task.equals("instantiate") == instantiated) {
            send(ex, 409, "{\"status\":409,\"detail\":\"wrong state\"}");
            return;
        }
        String op = switch (task) {
            case "instantiate" -> "INSTANTIATE";
            case "terminate" -> "TERMINATE";
            default -> "OPERATE";
        };
        // like the real MEPM: learn the app's demand from the AppD at the MEO, then ask for a grant
        JsonNode appD = getJson(meoRoot + "/app_pkgm/v1/onboarded_app_packages/" + inst.path("appDId").asText() + "/appd");
        String opId = UUID.randomUUID().toString();
        ObjectNode grantRequest = JSON.createObjectNode().put("appInstanceId", id).put("appLcmOpOccId", opId)
                .put("appDId", inst.path("appDId").asText()).put("operation", op);
        if (op.equals("INSTANTIATE")) {
            ObjectNode res = grantRequest.putArray("addResources").addObject().put("id", "compute-1").put("type", "COMPUTE")
                    .put("resourceTemplateId", appD.path("virtualComputeDescriptor").path("virtualComputeDescId").asText());
            res.set("virtualComputeDescriptor", appD.path("virtualComputeDescriptor"));
        }
        ObjectNode links = grantRequest.putObject("_links");
        links.putObject("appLcmOpOcc").put("href", apiRoot() + "/app_lcm/v1/app_lcm_op_occs/" + opId);
        links.putObject("appInstance").put("href", apiRoot() + "/app_lcm/v1/app_instances/" + id);
        HttpResponse<String> g = post(meoRoot + "/granting/v1/grants", grantRequest.toString());
        ObjectNode o = JSON.createObjectNode().put("id", opId).put("lcmOperation", op.equals("INSTANTIATE") ? "INSTATIATE" : op)
                .put("operationState", "PROCESSING").put("appInstanceId", id);
        ops.put(opId, o);
        if (g.statusCode() != 201) {
            o.put("operationState", "FAILED_TEMP");
            o.putObject("error").put("status", 403).put("detail", "grant refused: " + g.body());
        } else {
            grants.add(JSON.readTree(g.body()));
            boolean fail = failNextOperation;
            failNextOperation = false;
            timer.schedule(() -> complete(opId, id, task, body, fail), completionDelayMs, TimeUnit.MILLISECONDS);
        }
        ex.getResponseHeaders().add("Location", apiRoot() + "/app_lcm/v1/app_lcm_op_occs/" + opId);
        send(ex, 202, null);
    }

    private void complete(String opId, String id, String task, JsonNode body, boolean fail) {
        java.util.concurrent.CountDownLatch h = hold;
        if (h != null) {
            try {
                h.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ObjectNode o = ops.get(opId);
        ObjectNode inst = instances.get(id);
        if (fail) {
            o.put("operationState", "FAILED_TEMP");
            o.putObject("error").put("status", 500).put("detail", "container failed to start (fake)");
        } else {
            switch (task) {
                case "instantiate" -> {
                    inst.put("instantiationState", "INSTANTIATED");
                    inst.putObject("instantiatedAppState").put("operationalState", "STARTED");
                }
                case "terminate" -> {
                    inst.put("instantiationState", "NOT_INSTANTIATED");
                    inst.remove("instantiatedAppState");
                }
                default -> inst.putObject("instantiatedAppState").put("operationalState", body.path("changeStateTo").asText());
            }
            o.put("operationState", "COMPLETED");
        }
        for (String callback : subscribers) {
            ObjectNode n = JSON.createObjectNode().put("id", UUID.randomUUID().toString())
                    .put("notificationType", o.path("operationState").asText()).put("subscriptionId", "s")
                    .put("appLcmOpOccId", opId).put("appInstanceId", id);
            try {
                post(callback, n.toString());
            } catch (RuntimeException ignored) {
                // the MEO polls anyway
            }
        }
    }

    /** Simulates a container that died: notifies the MEO of an instance state change nobody asked for. */
    public void containerDied(String id) {
        ObjectNode inst = instances.get(id);
        inst.putObject("instantiatedAppState").put("operationalState", "STOPPED");
        for (String callback : subscribers) {
            post(callback, JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("notificationType", "STOPPED")
                    .put("subscriptionId", "s").put("appInstanceId", id).put("appInstanceState", "STOPPED").toString());
        }
    }

    private static JsonNode getJson(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " -> " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> post(String url, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        FakeHttp.reply(ex, status, json);
    }

    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
    }
}
