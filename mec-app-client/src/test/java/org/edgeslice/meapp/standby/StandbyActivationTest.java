package org.edgeslice.meapp.standby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandbyActivationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void withoutAStandbyPortTheProcessEnvironmentIsUsedAsItIs() throws Exception {
        Function<String, String> env = Map.of("MEC_APP_INSTANCE_ID", "a")::get;
        assertSame(env, StandbyActivation.environment(env, () -> { }));
    }

    @Test
    void aStandbyAppWarmsUpThenTakesTheActivationOverlaidOnItsEnvironmentAndKeepsIt() throws Exception {
        int port = freePort();
        Map<String, String> process = Map.of(StandbyActivation.PORT_VARIABLE, Integer.toString(port),
                "MEC_DATA_DIR", data.toString(), "MEC_MP1_URL", "http://127.0.0.1:1/mep", "OTHER", "kept");
        CountDownLatch warming = new CountDownLatch(1);
        CompletableFuture<Function<String, String>> env = CompletableFuture.supplyAsync(() -> {
            try {
                return StandbyActivation.environment(process::get, () -> {
                    try {
                        warming.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String base = "http://127.0.0.1:" + port;
        awaitListening(base + "/standby");
        assertEquals("{\"state\":\"WARMING\"}", get(base + "/standby").body());
        warming.countDown();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!get(base + "/standby").body().contains("READY")) {
            assertTrue(System.currentTimeMillis() < deadline, "READY after the warm-up");
            Thread.sleep(20);
        }
        // bad activations change nothing: not JSON, a variable that is not MEC_*, no instance id, wrong method/path
        assertEquals(400, post(base + "/standby/activation", "not json").statusCode());
        assertEquals(400, post(base + "/standby/activation", "{\"MEC_APP_INSTANCE_ID\":\"a\",\"PATH\":\"/x\"}").statusCode());
        assertEquals(400, post(base + "/standby/activation", "{\"MEC_PORTS\":\"http=1\"}").statusCode());
        assertEquals(400, post(base + "/standby/activation", "{\"MEC_APP_INSTANCE_ID\":\"a\",\"MEC_STANDBY_PORT\":\"1\"}").statusCode());
        assertEquals(404, post(base + "/other", "{}").statusCode());
        assertEquals(405, get(base + "/standby/activation").statusCode());
        assertTrue(Files.notExists(data.resolve(StandbyActivation.FILE_NAME)), "nothing kept after bad activations");

        HttpResponse<String> accepted = post(base + "/standby/activation",
                "{\"MEC_APP_INSTANCE_ID\":\"inst-1\",\"MEC_PORTS\":\"http=40001\",\"MEC_MP1_URL\":\"http://127.0.0.1:2/mep\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        Function<String, String> active = env.get(10, TimeUnit.SECONDS);
        assertEquals("inst-1", active.apply("MEC_APP_INSTANCE_ID"));
        assertEquals("http=40001", active.apply("MEC_PORTS"));
        assertEquals("http://127.0.0.1:2/mep", active.apply("MEC_MP1_URL"), "the activation wins");
        assertEquals("kept", active.apply("OTHER"), "the rest of the environment stays");
        assertTrue(Files.exists(data.resolve(StandbyActivation.FILE_NAME)), "the activation is kept on disk");

        // a restart of the same container comes back as the same instance without asking
        Function<String, String> restarted = StandbyActivation.environment(process::get, () -> {
            throw new AssertionError("no warm-up after a restart");
        });
        assertEquals("inst-1", restarted.apply("MEC_APP_INSTANCE_ID"));
        assertEquals("http=40001", restarted.apply("MEC_PORTS"));
    }

    private void awaitListening(String url) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                get(url);
                return;
            } catch (IOException e) {
                assertTrue(System.currentTimeMillis() < deadline, "the control port listens");
                Thread.sleep(20);
            }
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
