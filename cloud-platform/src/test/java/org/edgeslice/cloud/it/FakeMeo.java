package org.edgeslice.cloud.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.edgeslice.testkit.FakeHttp;

/**
 * A stand-in for the MEO's Mm1 API (ETSI GS MEC 010-2 app_pkgm/v1 and app_lcm/v1), enough for the ISS: it fetches
 * and checks the package at appPkgPath, and "instantiates" by starting a real slice process with the functions of
 * the AppD, reporting its port in the AppInstanceInfo (the {@code ports} extension) and completing the operation
 * with an AppLcmOpOccNotification to the subscribers. It records the calls it got.
 */
final class FakeMeo implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HttpServer server;
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final Map<String, ObjectNode> packages = new ConcurrentHashMap<>();
    final Map<String, JsonNode> appDs = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> instances = new ConcurrentHashMap<>();
    final Map<String, SliceProcess> slices = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> opOccs = new ConcurrentHashMap<>();
    final List<String> callbacks = Collections.synchronizedList(new ArrayList<>());
    final List<String> instanceCallbacks = Collections.synchronizedList(new ArrayList<>());
    final List<JsonNode> instantiateBodies = Collections.synchronizedList(new ArrayList<>());

    FakeMeo(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/meo/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    private void handle(HttpExchange x) throws IOException {
        String method = x.getRequestMethod();
        String path = x.getRequestURI().getPath().substring("/meo".length());
        byte[] in = x.getRequestBody().readAllBytes();
        calls.add(method + " " + path);
        try {
            String[] p = path.substring(1).split("/");
            if (path.equals("/app_pkgm/v1/app_packages") && method.equals("GET")) {
                ArrayNode a = JSON.createArrayNode();
                packages.values().forEach(a::add);
                send(x, 200, a);
            } else if (path.equals("/app_pkgm/v1/app_packages") && method.equals("POST")) {
                onboard(x, JSON.readTree(in));
            } else if (p.length == 4 && p[2].equals("app_packages") && method.equals("GET")) {
                ObjectNode pkg = packages.get(p[3]);
                send(x, pkg == null ? 404 : 200, pkg == null ? problem(404, "no package") : pkg);
            } else if (path.equals("/app_lcm/v1/subscriptions") && method.equals("POST")) {
                JsonNode body = JSON.readTree(in);
                (body.path("subscriptionType").asText().startsWith("AppInstance") ? instanceCallbacks : callbacks)
                        .add(body.path("callbackUri").asText());
                send(x, 201, JSON.createObjectNode().put("id", UUID.randomUUID().toString())
                        .put("subscriptionType", body.path("subscriptionType").asText())
                        .put("callbackUri", body.path("callbackUri").asText()));
            } else if (path.equals("/app_lcm/v1/app_instances") && method.equals("GET")) {
                ArrayNode a = JSON.createArrayNode();
                instances.values().forEach(a::add);
                send(x, 200, a);
            } else if (path.equals("/app_lcm/v1/app_instances") && method.equals("POST")) {
                JsonNode body = JSON.readTree(in);
                String appDId = body.path("appDId").asText();
                if (!appDs.containsKey(appDId)) {
                    send(x, 404, problem(404, "no onboarded package with appDId " + appDId));
                    return;
                }
                String id = UUID.randomUUID().toString();
                ObjectNode info = JSON.createObjectNode().put("id", id).put("appDId", appDId)
                        .put("instantiationState", "NOT_INSTANTIATED");
                instances.put(id, info);
                x.getResponseHeaders().add("Location", "/meo/app_lcm/v1/app_instances/" + id);
                send(x, 201, info);
            } else if (p.length == 4 && p[2].equals("app_instances") && method.equals("GET")) {
                ObjectNode i = instances.get(p[3]);
                send(x, i == null ? 404 : 200, i == null ? problem(404, "no instance") : i);
            } else if (p.length == 4 && p[2].equals("app_instances") && method.equals("DELETE")) {
                ObjectNode i = instances.remove(p[3]);
                send(x, i == null ? 404 : 204, null);
            } else if (p.length == 5 && p[2].equals("app_instances") && p[4].equals("instantiate")) {
                JsonNode body = JSON.readTree(in);
                instantiateBodies.add(body);
                startOp(x, p[3], "broken-host".equals(body.at("/selectedMECHostInfo/0/hostId").asText())
                        ? "BROKEN" : "INSTANTIATE");
            } else if (p.length == 5 && p[2].equals("app_instances") && p[4].equals("terminate")) {
                startOp(x, p[3], "TERMINATE");
            } else if (p.length == 4 && p[2].equals("app_lcm_op_occs") && method.equals("GET")) {
                ObjectNode o = opOccs.get(p[3]);
                send(x, o == null ? 404 : 200, o == null ? problem(404, "no op occ") : o);
            } else {
                send(x, 404, problem(404, "fake MEO: no " + method + " " + path));
            }
        } catch (Exception e) {
            send(x, 500, problem(500, e.toString()));
        }
    }

    private void onboard(HttpExchange x, JsonNode body) throws Exception {
        byte[] zip = HTTP.send(HttpRequest.newBuilder(URI.create(body.path("appPkgPath").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip));
        if (!sha.equalsIgnoreCase(body.path("checksum").path("hash").asText())) {
            send(x, 400, problem(400, "checksum mismatch"));
            return;
        }
        String meta = null;
        java.util.Map<String, byte[]> entries = new java.util.HashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                entries.put(e.getName(), z.readAllBytes());
            }
        }
        meta = new String(entries.get("TOSCA-Metadata/TOSCA.meta"));
        String entry = meta.lines().filter(l -> l.startsWith("Entry-Definitions:")).findFirst().orElseThrow()
                .substring("Entry-Definitions:".length()).trim();
        JsonNode appD = JSON.readTree(entries.get(entry));
        String id = UUID.randomUUID().toString();
        ObjectNode pkg = JSON.createObjectNode().put("id", id).put("appDId", appD.path("appDId").asText())
                .put("appName", appD.path("appName").asText()).put("onboardingState", "ONBOARDED")
                .put("operationalState", "ENABLED").put("usageState", "NOT_IN_USE");
        appDs.put(appD.path("appDId").asText(), appD);
        packages.put(id, pkg);
        x.getResponseHeaders().add("Location", "/meo/app_pkgm/v1/app_packages/" + id);
        send(x, 201, pkg);
    }

    private void startOp(HttpExchange x, String instanceId, String op) throws IOException {
        ObjectNode instance = instances.get(instanceId);
        if (instance == null) {
            send(x, 404, problem(404, "no instance"));
            return;
        }
        String opId = UUID.randomUUID().toString();
        ObjectNode occ = JSON.createObjectNode().put("id", opId).put("operationState", "PROCESSING")
                .put("lcmOperation", op).put("appInstanceId", instanceId);
        opOccs.put(opId, occ);
        x.getResponseHeaders().add("Location", "/meo/app_lcm/v1/app_lcm_op_occs/" + opId);
        send(x, 202, null);
        new Thread(() -> {
            String state;
            try {
                if (op.equals("BROKEN")) {
                    throw new IllegalStateException("the host refused the app (fake MEO)");
                }
                if (op.equals("INSTANTIATE")) {
                    JsonNode appD = appDs.get(instance.path("appDId").asText());
                    List<String> functions = new ArrayList<>();
                    appD.path("appServiceProduced").forEach(s -> functions.add(s.path("serName").asText()
                            .replace("onem2m-", "")));
                    SliceProcess slice = SliceProcess.start(String.join(",", functions));
                    slices.put(instanceId, slice);
                    instance.put("instantiationState", "INSTANTIATED");
                    instance.putObject("mecHostInformation").put("hostId", "fake-host");
                    instance.putObject("ports").put("http", slice.port);
                } else {
                    SliceProcess slice = slices.remove(instanceId);
                    if (slice != null) {
                        slice.close();
                    }
                    instance.put("instantiationState", "NOT_INSTANTIATED");
                    instance.remove("ports");
                }
                state = "COMPLETED";
            } catch (Exception e) {
                state = "FAILED";
                occ.set("error", problem(500, e.toString()));
            }
            for (String cb : List.copyOf(callbacks)) {
                try {
                    ObjectNode n = JSON.createObjectNode().put("id", UUID.randomUUID().toString())
                            .put("notificationType", state)
                            .put("operationState", state)
                            .put("subscriptionId", "s").put("appLcmOpOccId", opId).put("appInstanceId", instanceId)
                            .put("operationType", op);
                    HTTP.send(HttpRequest.newBuilder(URI.create(cb)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(n))).build(),
                            HttpResponse.BodyHandlers.discarding());
                } catch (Exception ignored) {
                    // the ISS polls too
                }
            }
            // the outcome shows in the occurrence only once notified: a poll in between must not see it first,
            // or a test that expects the ISS to learn it by notification fails by chance
            occ.put("operationState", state);
        }, "fake-meo-op").start();
    }

    /** As the MEO does when a MEPM reports an instance state change (AppInstNotification). */
    void notifyInstanceState(String instanceId, String state) throws Exception {
        ObjectNode instance = instances.get(instanceId);
        for (String cb : List.copyOf(instanceCallbacks)) {
            ObjectNode n = JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("notificationType", state)
                    .put("subscriptionId", "si").put("appInstanceId", instanceId)
                    .put("appDId", instance.path("appDId").asText()).put("appPkgId", "p").put("appInstanceState", state);
            HTTP.send(HttpRequest.newBuilder(URI.create(cb)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(n))).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private static ObjectNode problem(int status, String detail) {
        return JSON.createObjectNode().put("status", status).put("detail", detail);
    }

    private static void send(HttpExchange x, int status, JsonNode body) throws IOException {
        FakeHttp.reply(x, status, body == null ? null : JSON.writeValueAsString(body));
    }

    @Override
    public void close() {
        slices.values().forEach(SliceProcess::close);
        server.stop(0);
    }
}
