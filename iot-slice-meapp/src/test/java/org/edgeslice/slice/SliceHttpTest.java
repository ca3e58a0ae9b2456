package org.edgeslice.slice;

import static org.edgeslice.slice.SliceClient.rsc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.edgeslice.onem2m.function.CommonServiceFunction;
import org.edgeslice.slice.config.SliceConfig;
import org.edgeslice.slice.platform.StandalonePlatformLifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slice's endpoints over real HTTP on 127.0.0.1. */
class SliceHttpTest {
    @TempDir
    Path dataDir;
    private Slice slice;
    private final SliceClient client = new SliceClient();
    private int main;
    private int registration;
    private int retrieve;
    private int subscription;

    static SliceConfig config(Path dir, String functions) {
        Map<String, String> env = new HashMap<>();
        env.put("SLICE_FUNCTIONS", functions);
        env.put("SLICE_HTTP_PORT", "0");
        for (CommonServiceFunction f : SliceConfig.PORTED) {
            env.put("SLICE_PORT_" + f.name(), "0");
        }
        env.put("SLICE_DATA_DIR", dir.toString());
        env.put("SLICE_CSE_NAME", "cse-edge");
        env.put("SLICE_CSE_ID", "/id-edge");
        env.put("SLICE_IO_THREADS", "2");
        return SliceConfig.from(env::get);
    }

    @BeforeEach
    void start() throws Exception {
        slice = Slice.start(config(dataDir, "registration,retrieve,subscription,notification"),
                new StandalonePlatformLifecycle());
        main = slice.endpoints().mainPort();
        registration = slice.endpoints().functionPorts().get(CommonServiceFunction.REGISTRATION);
        retrieve = slice.endpoints().functionPorts().get(CommonServiceFunction.RETRIEVE);
        subscription = slice.endpoints().functionPorts().get(CommonServiceFunction.SUBSCRIPTION);
    }

    @AfterEach
    void stop() {
        slice.close();
    }

    private void createDeviceData() throws Exception {
        HttpResponse<String> ae = client.create(registration, "/cse-edge", "Ccar", 2,
                "{\"m2m:ae\":{\"rn\":\"car\",\"api\":\"Ncar.app.x\",\"rr\":true,\"srv\":[\"3\"]}}");
        assertEquals(201, ae.statusCode(), ae.body());
        assertEquals("2001", rsc(ae));
        assertEquals("/cse-edge/car", ae.headers().firstValue("Content-Location").orElse(null));
        HttpResponse<String> cnt = client.create(registration, "/cse-edge/car", "Ccar", 3,
                "{\"m2m:cnt\":{\"rn\":\"speed\",\"mni\":10}}");
        assertEquals(201, cnt.statusCode(), cnt.body());
        HttpResponse<String> cin = client.create(registration, "/cse-edge/car/speed", "Ccar", 4,
                "{\"m2m:cin\":{\"cnf\":\"text/plain:0\",\"con\":\"88\"}}");
        assertEquals(201, cin.statusCode(), cin.body());
    }

    @Test
    void deviceCreatesAeContainerAndInstanceAndReadsLatestOnTheRetrievePort() throws Exception {
        createDeviceData();
        HttpResponse<String> la = client.get(retrieve, "/cse-edge/car/speed/la", "Ccar");
        assertEquals(200, la.statusCode());
        assertEquals("2000", rsc(la));
        assertTrue(la.body().contains("\"con\":\"88\""), la.body());
        assertTrue(la.headers().firstValue("X-M2M-RI").orElse("").startsWith("t"));
        assertEquals("3", la.headers().firstValue("X-M2M-RVI").orElse(null));
        HttpResponse<String> sp = client.get(main, "/~/id-edge/cse-edge/car/speed/la", "Ccar");
        assertEquals(200, sp.statusCode());
    }

    /** acco/acip (TS-0001 §9.6.2): the slice tests the address the request came from, here 127.0.0.1. */
    @Test
    void aPolicyRuleLimitedToAnAddressIsHonouredForRequestsFromIt() throws Exception {
        createDeviceData();
        for (String[] c : new String[][] {{"fromHere", "127.0.0.1", "200"}, {"fromElsewhere", "127.0.0.2", "403"}}) {
            HttpResponse<String> acp = client.create(registration, "/cse-edge/car", "Ccar", 1,
                    "{\"m2m:acp\":{\"rn\":\"" + c[0] + "\",\"pv\":{\"acr\":[{\"acor\":[\"Creader\"],\"acop\":2,"
                            + "\"acco\":[{\"acip\":{\"ipv4\":[\"" + c[1] + "\"]}}]}]},"
                            + "\"pvs\":{\"acr\":[{\"acor\":[\"Ccar\"],\"acop\":63}]}}}");
            assertEquals(201, acp.statusCode(), acp.body());
            HttpResponse<String> protect = client.send("PUT", main, "/cse-edge/car/speed", "Ccar", "application/json",
                    "{\"m2m:cnt\":{\"acpi\":[\"cse-edge/car/" + c[0] + "\"]}}");
            assertEquals(200, protect.statusCode(), protect.body());
            HttpResponse<String> read = client.get(retrieve, "/cse-edge/car/speed/la", "Creader");
            assertEquals(Integer.parseInt(c[2]), read.statusCode(), c[1] + ": " + read.body());
        }
    }

    @Test
    void functionOnAnotherPortIsOperationNotAllowed() throws Exception {
        createDeviceData();
        HttpResponse<String> r = client.get(registration, "/cse-edge/car/speed/la", "Ccar");
        assertEquals(405, r.statusCode());
        assertEquals("4005", rsc(r));
        HttpResponse<String> c = client.create(retrieve, "/cse-edge/car/speed", "Ccar", 4,
                "{\"m2m:cin\":{\"con\":\"1\"}}");
        assertEquals(405, c.statusCode());
    }

    @Test
    void subscriptionVerificationReachesARealReceiver() throws Exception {
        createDeviceData();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.getResponseHeaders().add("X-M2M-RSC", "2000");
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        try {
            String nu = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/n";
            HttpResponse<String> sub = client.create(subscription, "/cse-edge/car/speed", "Ccar", 23,
                    "{\"m2m:sub\":{\"rn\":\"s\",\"nu\":[\"" + nu + "\"],\"enc\":{\"net\":[3]}}}");
            assertEquals(201, sub.statusCode(), sub.body());
            String vrq = received.poll(5, TimeUnit.SECONDS);
            assertTrue(vrq != null && vrq.contains("\"vrq\":true"), vrq);
            client.create(main, "/cse-edge/car/speed", "Ccar", 4, "{\"m2m:cin\":{\"con\":\"90\"}}");
            String event = received.poll(5, TimeUnit.SECONDS);
            assertTrue(event != null && event.contains("\"con\":\"90\"") && event.contains("\"net\":3"), event);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void malformedRequestsGetOneM2mErrorsNeverServerErrors() throws Exception {
        createDeviceData();
        HttpResponse<String> badJson = client.create(main, "/cse-edge/car", "Ccar", 3, "{\"m2m:cnt\":");
        assertEquals(400, badJson.statusCode());
        assertEquals("4000", rsc(badJson));
        HttpResponse<String> noOrigin = client.get(main, "/cse-edge", null);
        assertEquals(400, noOrigin.statusCode());
        assertEquals("4000", rsc(noOrigin));
        HttpResponse<String> noTy = client.send("POST", main, "/cse-edge/car/speed", "Ccar", "application/json",
                "{\"m2m:cin\":{\"con\":\"1\"}}");
        assertEquals(400, noTy.statusCode());
        HttpResponse<String> unknownAttr = client.create(main, "/cse-edge/car", "Ccar", 3,
                "{\"m2m:cnt\":{\"color\":\"red\"}}");
        assertEquals("4000", rsc(unknownAttr));
        HttpResponse<String> unknownQuery = client.get(main, "/cse-edge/car?colour=red", "Ccar");
        assertEquals(400, unknownQuery.statusCode());
        assertEquals("4000", rsc(unknownQuery));
        HttpResponse<String> unknown = client.get(main, "/cse-edge/nothing", "Ccar");
        assertEquals(404, unknown.statusCode());
        assertEquals("4004", rsc(unknown));
    }

    @Test
    void missingFunctionIsNotImplementedAndHasNoPort() throws Exception {
        try (Slice small = Slice.start(config(dataDir.resolve("small"), "registration"),
                new StandalonePlatformLifecycle())) {
            assertFalse(small.endpoints().functionPorts().containsKey(CommonServiceFunction.RETRIEVE));
            int port = small.endpoints().mainPort();
            HttpResponse<String> r = client.get(port, "/cse-edge", "Ccar");
            assertEquals(501, r.statusCode());
            assertEquals("5001", rsc(r));
            HttpResponse<String> ae = client.create(port, "/cse-edge", "Cx", 2,
                    "{\"m2m:ae\":{\"api\":\"Nx.y.z\",\"rr\":true,\"srv\":[\"3\"]}}");
            assertEquals(201, ae.statusCode());
        }
    }

    @Test
    void discoveryOnTheRetrievePort() throws Exception {
        createDeviceData();
        HttpResponse<String> r = client.get(retrieve, "/cse-edge?fu=1&ty=4", "Ccar");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("{\"m2m:uril\":[\"cse-edge/car/speed/"), r.body());
    }

    @Test
    void manyRequestsShareOneKeepAliveConnection() throws Exception {
        createDeviceData();
        byte[] la = org.edgeslice.slice.bench.RawHttpConnection.request("GET", "127.0.0.1",
                "/cse-edge/car/speed/la", "Ccar", null, null);
        try (org.edgeslice.slice.bench.RawHttpConnection c =
                     new org.edgeslice.slice.bench.RawHttpConnection("127.0.0.1", retrieve)) {
            for (int i = 0; i < 20; i++) {
                org.edgeslice.slice.bench.RawHttpConnection.Reply r = c.exchange(la);
                assertEquals(200, r.status());
                assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("\"con\":\"88\""));
            }
        }
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), main)) {
            s.getOutputStream().write(("GET /cse-edge HTTP/1.1\r\nHost: x\r\nX-M2M-Origin: CAdmin\r\n"
                    + "X-M2M-RI: c1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(5000);
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // EOF = closed
            assertTrue(all.startsWith("HTTP/1.1 200"), all);
            assertTrue(all.contains("X-M2M-RSC: 2000"), all);
        }
    }
}
