package org.edgeslice.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The paper's road scenario (Hwang et al., Fig. 8/9), played against a running system: pedestrians' tasks are
 * already offloaded to a slice at the edge; Car A enters the city and asks the MEC host's IoT Slicing Handler for
 * a low-latency service whose functions no running slice covers, so a new IoT slice is created (steps 01-15);
 * Car A then creates and retrieves data at the edge and, for comparison, at the cloud; finally Car B asks for
 * the same functions and is served by the existing slice (path 03-2). Every step is printed as it completes.
 *
 * <pre>java -jar demo.jar --handler URL --cloud URL [--samples N]</pre>
 */
public final class RoadScenario {

    static final List<String> CAR_FUNCTIONS = List.of("registration", "retrieve", "subscription", "notification");
    private static final String PAYLOAD = "x".repeat(300);

    private final String handler;
    private final String cse;
    private final int samples;
    private final PrintStream out;
    private final Device admin = new Device("CAdmin");

    RoadScenario(String handler, String cloud, int samples, PrintStream out) {
        this.handler = handler;
        this.cse = cloud + "/cse";
        this.samples = samples;
        this.out = out;
    }

    /** What one run showed; the system test asserts on it. */
    public record Outcome(JsonNode carA, JsonNode carB, JsonNode pedestrians, Latency edgeCreate, Latency cloudCreate,
                   Latency edgeRetrieve, Latency cloudRetrieve, boolean edgeDataAtCloud, boolean cloudReadFromEdge) {
    }

    public static void main(String[] args) throws Exception {
        String handler = null;
        String cloud = "http://127.0.0.1:18080/cloud";
        int samples = 60;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--handler" -> handler = args[i + 1];
                case "--cloud" -> cloud = args[i + 1];
                case "--samples" -> samples = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (handler == null) {
            System.err.println("usage: demo --handler URL [--cloud URL] [--samples N]");
            System.exit(2);
        }
        try {
            new RoadScenario(handler, cloud, samples, System.out).play();
        } catch (IOException | IllegalStateException e) {
            System.err.println("demo: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Plays the scenario against a running system, printing to standard output (used by the system test). */
    public static Outcome playAgainst(String handler, String cloud, int samples) throws IOException {
        return new RoadScenario(handler, cloud, samples, System.out).play();
    }

    /** The scenario's devices end their use of the service. */
    public static void releaseAll(String handler, String cloud, Outcome outcome) throws IOException {
        new RoadScenario(handler, cloud, 1, System.out).release(outcome);
    }

    /** Plays every scene; the devices' requests stay in place (see {@link #release}). */
    Outcome play() throws IOException {
        out.println("== Scene 0: the cloud IN-CSE holds the devices' oneM2M resources ==");
        seed("Pedestrians", "PedA", "PedB");
        seed("Cars", "CarA", "CarB");

        out.println();
        // high-rate location updates: their tasks sync by retrieve redirect, so the slice holds only
        // registration and retrieve, and does not cover what Car A will ask for
        out.println("== Scene 1: pedestrians' tasks are offloaded to the edge (registration, retrieve) ==");
        JsonNode pedestrians = run("ped-a", List.of("registration", "retrieve"),
                List.of("/in-cse/Pedestrians/PedA", "/in-cse/Pedestrians/PedB"), false, 100);

        out.println();
        out.println("== Scene 2: Car A enters the city and asks for a low-latency service "
                + "(registration, retrieve, subscription, notification) ==");
        JsonNode carA = run("car-a", CAR_FUNCTIONS, List.of("/in-cse/Cars/CarA"), true, 5);

        out.println();
        out.println("== Scene 3: Car A creates and retrieves data at the edge, and at the cloud for comparison ==");
        JsonNode slice = carA.path("slice");
        String edge = slice.path("pointOfAccess").asText() + "/" + slice.path("cseName").asText("cse-slice");
        String edgeRetrieveBase = slice.path("endpoints").path("retrieve").asText(slice.path("pointOfAccess").asText())
                + "/" + slice.path("cseName").asText("cse-slice");
        Device car = new Device("CAdmin");
        Latency edgeCreate = Latency.measure(samples, () -> expect(car.create(edge + "/Cars/CarA", 4, cin()), 201));
        Latency cloudCreate = Latency.measure(samples, () -> expect(car.create(cse + "/in-cse/Cars/CarB", 4, cin()), 201));
        Latency edgeRetrieve = Latency.measure(samples, () -> expect(car.retrieve(edgeRetrieveBase + "/Cars/CarA/la"), 200));
        Latency cloudRetrieve = Latency.measure(samples, () -> expect(car.retrieve(cse + "/in-cse/Cars/CarB/la"), 200));
        out.printf("%-26s %9s %9s %9s%n", "(" + samples + " requests each)", "p50 ms", "mean ms", "p95 ms");
        for (Object[] row : new Object[][] {{"create CIN at the edge", edgeCreate}, {"create CIN at the cloud", cloudCreate},
                {"retrieve la at the edge", edgeRetrieve}, {"retrieve la at the cloud", cloudRetrieve}}) {
            Latency l = (Latency) row[1];
            out.printf("%-26s %9.2f %9.2f %9.2f%n", row[0], l.p50(), l.mean(), l.p95());
        }
        out.println("(both paths are on this machine's loopback here; './mec bench paper' puts an emulated WAN"
                + " in front of the cloud)");
        String marker = "edge-" + System.nanoTime();
        expect(car.create(edge + "/Cars/CarA", 4, "{\"m2m:cin\":{\"con\":\"" + marker + "\"}}"), 201);
        boolean synced = waitForCloud(marker);
        out.println(synced ? "Data created at the edge reached the cloud IN-CSE (subscription/notification sync)."
                : "Data created at the edge did NOT reach the cloud IN-CSE within 10 s.");

        out.println();
        out.println("== Scene 4: Car B (high-rate data) asks for the same functions: the running slice serves it "
                + "(path 03-2), its task synchronised by retrieve redirect ==");
        JsonNode carB = run("car-b", CAR_FUNCTIONS, List.of("/in-cse/Cars/CarB"), true, 100);
        String redirected = "edge-" + System.nanoTime();
        expect(car.create(edge + "/Cars/CarB", 4, "{\"m2m:cin\":{\"con\":\"" + redirected + "\"}}"), 201);
        Device.Reply cloudRead = admin.retrieve(cse + "/in-cse/Cars/CarB/la");
        boolean answeredByEdge = cloudRead.status() == 200 && cloudRead.body().toString().contains(redirected);
        out.println(answeredByEdge ? "A cloud retrieve of Car B's latest data was answered from the edge slice"
                + (cloudRead.servedBy() == null ? "" : " (" + cloudRead.servedBy() + ")") + "."
                : "A cloud retrieve of Car B's latest data did NOT return the edge's data: " + cloudRead.body());
        return new Outcome(carA, carB, pedestrians, edgeCreate, cloudCreate, edgeRetrieve, cloudRetrieve, synced,
                answeredByEdge);
    }

    /** The devices end their use of the service (DELETE on their requests). */
    void release(Outcome outcome) throws IOException {
        for (JsonNode r : List.of(outcome.carA(), outcome.carB(), outcome.pedestrians())) {
            admin.delete(r.path("_links").path("self").path("href").asText());
        }
    }

    private void seed(String ae, String... containers) throws IOException {
        // each AE registers with its own originator (TS-0001: the AE-ID is the registering originator's)
        new Device("C" + ae).create(cse + "/in-cse", 2, "{\"m2m:ae\":{\"rn\":\"" + ae + "\",\"api\":\"Nedgeslice." + ae.toLowerCase()
                + "\",\"rr\":false,\"srv\":[\"3\"]}}");
        for (String c : containers) {
            admin.create(cse + "/in-cse/" + ae, 3, "{\"m2m:cnt\":{\"rn\":\"" + c + "\",\"mni\":1000}}");
            expect(admin.create(cse + "/in-cse/" + ae + "/" + c, 4, cin()), 201);
        }
        out.println("  /in-cse/" + ae + " with " + String.join(", ", containers) + " (a contentInstance each)");
    }

    /** One device request, followed step by step until it completes. */
    private JsonNode run(String deviceId, List<String> functions, List<String> tasks, boolean verbose, int dataRate)
            throws IOException {
        ObjectNode request = Device.JSON.createObjectNode();
        request.put("deviceId", deviceId);
        request.put("serviceType", deviceId.startsWith("car") ? "vehicle-telemetry" : "pedestrian-safety");
        functions.forEach(request.withArray("functions")::add);
        tasks.forEach(request.withArray("tasks")::add);
        request.putObject("location").put("zone", "city-centre").put("latitude", 37.5665).put("longitude", 126.978);
        request.put("latencyMs", 20);
        request.put("dataRate", dataRate);
        long t0 = System.nanoTime();
        String location = new Device(deviceId).requestService(handler, request);
        Set<String> printed = new HashSet<>();
        JsonNode state;
        long deadline = System.currentTimeMillis() + 240_000;
        while (true) {
            state = admin.get(location);
            for (JsonNode step : state.path("steps")) {
                String key = step.path("step").asText() + step.path("outcome").asText();
                if (!"IN_PROGRESS".equals(step.path("outcome").asText()) && printed.add(key) && verbose) {
                    out.printf("  step %-5s %-9s %7s ms  %s%n", step.path("step").asText(), step.path("outcome").asText(),
                            step.path("durationMs").isMissingNode() ? "" : step.path("durationMs").asText(),
                            step.path("name").asText());
                }
            }
            String s = state.path("state").asText();
            if (!"PROCESSING".equals(s)) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("request " + location + " still PROCESSING after 240 s");
            }
            pause(50);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!"COMPLETED".equals(state.path("state").asText())) {
            throw new IllegalStateException(deviceId + "'s request ended " + state.path("state").asText() + ": "
                    + state.path("detail").asText());
        }
        JsonNode slice = state.path("slice");
        out.printf("  %s: %s in %.2f s (path %s) -> slice %s on %s, endpoints %s%n", deviceId,
                state.path("state").asText(), seconds, state.path("path").asText(), slice.path("appInstanceId").asText(),
                slice.path("hostId").asText(), slice.path("endpoints"));
        return state;
    }

    private boolean waitForCloud(String marker) throws IOException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            Device.Reply r = admin.retrieve(cse + "/in-cse/Cars/CarA/la");
            if (r.status() == 200 && r.body().toString().contains(marker)) {
                return true;
            }
            pause(100);
        }
        return false;
    }

    private static String cin() {
        return "{\"m2m:cin\":{\"cnf\":\"text/plain:0\",\"con\":\"" + PAYLOAD + "\"}}";
    }

    private static void expect(Device.Reply r, int status) throws IOException {
        if (r.status() != status) {
            throw new IOException("expected " + status + ", got " + r.status() + " (RSC " + r.rsc() + "): " + r.body());
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Latency samples of one kind of request. */
    public record Latency(double[] millis) {

        interface Call {
            void run() throws IOException;
        }

        static Latency measure(int n, Call call) throws IOException {
            for (int i = 0; i < Math.min(10, n); i++) {
                call.run(); // warm-up: connections and JIT
            }
            double[] ms = new double[n];
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                call.run();
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            return new Latency(ms);
        }

        double p50() {
            return millis[(int) Math.ceil(0.5 * millis.length) - 1];
        }

        double p95() {
            return millis[(int) Math.ceil(0.95 * millis.length) - 1];
        }

        double mean() {
            return Arrays.stream(millis).average().orElse(Double.NaN);
        }
    }

}
