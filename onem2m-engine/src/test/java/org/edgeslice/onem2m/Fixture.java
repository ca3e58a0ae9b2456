package org.edgeslice.onem2m;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.function.FunctionSet;
import org.edgeslice.onem2m.notification.NotificationSender;
import org.edgeslice.onem2m.procedure.CseConfig;
import org.edgeslice.onem2m.procedure.CseEngine;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;
import org.edgeslice.onem2m.store.InMemoryResourceStore;
import org.edgeslice.onem2m.store.ResourceStore;

/** An engine on an in-memory store with a recording notification sender, and request helpers. */
public final class Fixture implements AutoCloseable {
    public static final String CSE = "cse-mn";
    public static final String CSI = "/id-mn";
    public static final String ADMIN = "CAdmin";

    /** Notifications the engine tried to send; answers with {@link #answer}. */
    public static final class RecordingSender implements NotificationSender {
        public final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
        public final List<URI> targets = new CopyOnWriteArrayList<>();
        public volatile int answer = 2000;

        @Override
        public DeliveryResult send(URI target, String originator, String requestId, JsonNode body) {
            targets.add(target);
            bodies.add(body);
            return new DeliveryResult(answer == 2000, answer, "recorded");
        }
    }

    public final ResourceStore store;
    public final RecordingSender sender = new RecordingSender();
    public final CseEngine engine;

    public Fixture() {
        this(FunctionSet.all());
    }

    public Fixture(FunctionSet functions) {
        this(CseConfig.defaults(CSI, CSE).withFunctions(functions));
    }

    /** An engine with this configuration (its CSE-ID and name should be {@link #CSI} and {@link #CSE}). */
    public Fixture(CseConfig config) {
        this.store = new InMemoryResourceStore();
        this.engine = new CseEngine(config, store, sender);
    }

    public Response send(Request r) {
        return engine.handle(r);
    }

    public static ObjectNode body(String root, String json) {
        return Json.object().set(root, Json.mapper().valueToTree(parse(json)));
    }

    public static JsonNode parse(String json) {
        return Json.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Registers an AE with the given originator and name; returns its AE-ID. */
    public String registerAe(String originator, String rn) {
        Response r = send(Request.create(CSE, originator, 2,
                body("m2m:ae", "{\"rn\":\"" + rn + "\",\"api\":\"Nedge.test.app\",\"rr\":true,\"srv\":[\"3\"]}")));
        assertEquals(ResponseStatusCode.CREATED, r.rsc(), () -> String.valueOf(r.content()));
        return r.content().get("m2m:ae").get("aei").asText();
    }

    public Response createContainer(String parentPath, String originator, String json) {
        return send(Request.create(parentPath, originator, 3, body("m2m:cnt", json)));
    }

    public Response createInstance(String parentPath, String originator, String con) {
        return send(Request.create(parentPath, originator, 4,
                body("m2m:cin", "{\"cnf\":\"text/plain:0\",\"con\":\"" + con + "\"}")));
    }

    public static void assertRsc(ResponseStatusCode expected, Response r) {
        assertEquals(expected, r.rsc(), () -> "content: " + r.content());
    }

    public static void assertRsc(ResponseStatusCode expected, Response r, String why) {
        assertEquals(expected, r.rsc(), () -> why + "; content: " + r.content());
    }

    @Override
    public void close() {
        engine.close();
    }
}
