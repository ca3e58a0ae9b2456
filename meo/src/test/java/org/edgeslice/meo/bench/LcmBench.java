package org.edgeslice.meo.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * LCM latency benchmark against a running MEO (not a test). Onboards an application package (or uses
 * {@code --appd-id}), then runs {@code --cycles} times: create -> instantiate -> COMPLETED -> terminate ->
 * delete, and measures instantiate (POST) -> op occurrence COMPLETED, terminate -> COMPLETED, and GET
 * app_instances (sampled {@code --gets} times per cycle). Prints a table of p50/p95/p99.
 *
 * <p>Uses only the JDK, so it runs from the compiled test classes or as a single source file:
 * {@code java meo/src/test/java/org/edgeslice/meo/bench/LcmBench.java --meo http://127.0.0.1:18080/meo}.
 * Options: {@code --meo URL} (default http://127.0.0.1:18080/meo), {@code --cycles N} (20), {@code --gets N} (10),
 * {@code --image REF} (the container image of the generated package), {@code --appd-id ID} (use an onboarded
 * package instead), {@code --host HOSTID} (selectedMECHostInfo), {@code --timeout S} (120 per operation),
 * {@code --population N} (0: first create N NOT_INSTANTIATED instances, deleted at the end, to see how the GETs
 * grow with the collection), {@code --list-gets N} (200: GET app_instances samples taken after populating, after
 * 50 warm-up GETs). {@code --cycles 0} measures only the GETs (no container needed).
 */
public final class LcmBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATE = Pattern.compile("\"operationState\"\\s*:\\s*\"([A-Z_]+)\"");

    private final String meo;
    private final long timeoutMs;

    private LcmBench(String meo, long timeoutMs) {
        this.meo = meo.endsWith("/") ? meo.substring(0, meo.length() - 1) : meo;
        this.timeoutMs = timeoutMs;
    }

    public static void main(String[] args) throws Exception {
        String meo = "http://127.0.0.1:18080/meo";
        int cycles = 20;
        int gets = 10;
        String image = "127.0.0.1:5000/edgeslice/iot-slice:0.1.0";
        String appDId = null;
        String host = null;
        long timeout = 120;
        int population = 0;
        int listGets = 200;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--meo" -> meo = args[++i];
                case "--cycles" -> cycles = Integer.parseInt(args[++i]);
                case "--gets" -> gets = Integer.parseInt(args[++i]);
                case "--image" -> image = args[++i];
                case "--appd-id" -> appDId = args[++i];
                case "--host" -> host = args[++i];
                case "--timeout" -> timeout = Long.parseLong(args[++i]);
                case "--population" -> population = Integer.parseInt(args[++i]);
                case "--list-gets" -> listGets = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (cycles < 0 || (cycles == 0 && population == 0 && listGets == 0)) {
            throw new IllegalArgumentException("--cycles must be >= 0, and something must be measured");
        }
        LcmBench bench = new LcmBench(meo, timeout * 1000);
        String pkgId = null;
        if (appDId == null) {
            appDId = "bench-" + UUID.randomUUID();
            pkgId = bench.onboard(appDId, image);
        }
        String instantiateBody = host == null ? "{}" : "{\"selectedMECHostInfo\": [{\"hostId\": \"" + host + "\"}]}";
        List<Double> instantiate = new ArrayList<>();
        List<Double> terminate = new ArrayList<>();
        List<Double> list = new ArrayList<>();
        List<Double> create = new ArrayList<>();
        System.out.printf(Locale.ROOT, "MEO %s, appDId %s, %d cycles, population %d%n", meo, appDId, cycles, population);
        List<String> populated = new ArrayList<>();
        for (int n = 1; n <= population; n++) {
            HttpResponse<String> created = bench.send("POST", "app_lcm/v1/app_instances",
                    "{\"appDId\": \"" + appDId + "\", \"appInstanceName\": \"bench-population-" + n + "\"}");
            expect(created, 201);
            populated.add(match(ID, created.body()));
        }
        List<Double> listed = new ArrayList<>();
        if (listGets > 0) {
            int size = 0;
            for (int g = 0; g < 50 + listGets; g++) {
                long tg = System.nanoTime();
                HttpResponse<String> r = bench.send("GET", "app_lcm/v1/app_instances", null);
                double t = ms(tg);
                expect(r, 200);
                if (g >= 50) {
                    listed.add(t);
                }
                size = r.body().length();
            }
            System.out.printf(Locale.ROOT, "  GET app_instances: %d bytes per answer%n", size);
        }
        for (int c = 1; c <= cycles; c++) {
            long t0 = System.nanoTime();
            HttpResponse<String> created = bench.send("POST", "app_lcm/v1/app_instances",
                    "{\"appDId\": \"" + appDId + "\", \"appInstanceName\": \"bench-" + c + "\"}");
            create.add(ms(t0));
            expect(created, 201);
            String id = match(ID, created.body());
            t0 = System.nanoTime();
            String op = bench.task(id, "instantiate", instantiateBody);
            String state = bench.await(op);
            instantiate.add(ms(t0));
            if (!state.equals("COMPLETED")) {
                throw new IllegalStateException("cycle " + c + ": instantiation ended " + state + ": " + bench.send("GET", op, null).body());
            }
            for (int g = 0; g < gets; g++) {
                long tg = System.nanoTime();
                expect(bench.send("GET", "app_lcm/v1/app_instances", null), 200);
                list.add(ms(tg));
            }
            t0 = System.nanoTime();
            String term = bench.task(id, "terminate", "{\"terminationType\": \"FORCEFUL\"}");
            state = bench.await(term);
            terminate.add(ms(t0));
            if (!state.equals("COMPLETED")) {
                throw new IllegalStateException("cycle " + c + ": termination ended " + state);
            }
            expect(bench.send("DELETE", "app_lcm/v1/app_instances/" + id, null), 204);
            System.out.printf(Locale.ROOT, "  cycle %2d: instantiate %.1f ms, terminate %.1f ms%n", c,
                    instantiate.get(c - 1), terminate.get(c - 1));
        }
        for (String id : populated) {
            expect(bench.send("DELETE", "app_lcm/v1/app_instances/" + id, null), 204);
        }
        if (pkgId != null) {
            bench.send("DELETE", "app_pkgm/v1/app_packages/" + pkgId, null);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-40s %6s %9s %9s %9s %9s%n", "measure (ms)", "n", "p50", "p95", "p99", "max");
        row("POST app_instances (create)", create);
        row("instantiate -> COMPLETED", instantiate);
        row("terminate -> COMPLETED", terminate);
        if (cycles > 0) {
            row("GET app_instances", list);
        }
        if (!listed.isEmpty()) {
            row("GET app_instances, " + population + " instances", listed);
        }
    }

    private String onboard(String appDId, String image) throws Exception {
        byte[] zip = packageZip(appDId, image);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip));
        HttpResponse<String> r = send("POST", "app_pkgm/v1/app_packages", "{\"appPkgName\": \"lcm-bench\", "
                + "\"appPkgVersion\": \"1.0\", \"checksum\": {\"algorithm\": \"SHA-256\", \"hash\": \"" + hash + "\"}}");
        expect(r, 201);
        String id = match(ID, r.body());
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(meo + "/app_pkgm/v1/app_packages/" + id
                        + "/package_content")).header("Content-Type", "application/zip")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(zip)).build(), HttpResponse.BodyHandlers.ofString());
        expect(put, 202);
        return id;
    }

    private String task(String id, String task, String body) throws Exception {
        HttpResponse<String> r = send("POST", "app_lcm/v1/app_instances/" + id + "/" + task, body);
        expect(r, 202);
        return r.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("no Location"));
    }

    private String await(String location) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            String state = match(STATE, send("GET", location, null).body());
            if (!state.equals("STARTING") && !state.equals("PROCESSING")) {
                return state;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("operation " + location + " did not end within " + timeoutMs + " ms");
    }

    private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        URI uri = URI.create(path.startsWith("http") ? path : meo + "/" + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] packageZip(String appDId, String image) throws IOException {
        String appD = """
                {"appDId": "%s", "appName": "lcm-bench", "appProvider": "edgeslice", "appSoftVersion": "1.0",
                 "appDVersion": "1.0", "mecVersion": ["3.1.1"], "appDescription": "LCM benchmark app",
                 "virtualComputeDescriptor": {"virtualComputeDescId": "vcd", "virtualCpu": {"numVirtualCpu": 1,
                   "vduCpuRequirements": {"cpuMillis": "10"}}, "virtualMemory": {"virtualMemSize": 16}},
                 "swImageDescriptor": {"id": "img", "name": "lcm-bench", "version": "1.0", "containerFormat": "DOCKER",
                   "swImage": "%s"}}""".formatted(appDId, image);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("TOSCA-Metadata/TOSCA.meta"));
            z.write("TOSCA-Meta-File-Version: 1.0\nCSAR-Version: 1.1\nCreated-By: LcmBench\nEntry-Definitions: Definitions/appd.json\n"
                    .getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("Definitions/appd.json"));
            z.write(appD.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }

    private static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " -> " + r.statusCode() + " (expected "
                    + status + "): " + r.body());
        }
    }

    private static String match(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + body);
        }
        return m.group(1);
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static double pct(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static void row(String name, List<Double> values) {
        if (values.isEmpty()) {
            return;
        }
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        System.out.printf(Locale.ROOT, "%-40s %6d %9.2f %9.2f %9.2f %9.2f%n", name, s.size(), pct(s, 50), pct(s, 95),
                pct(s, 99), s.get(s.size() - 1));
    }
}
