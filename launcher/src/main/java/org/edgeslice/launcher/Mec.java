package org.edgeslice.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The Java half of {@code ./mec}: {@code up}, {@code down}, {@code status} and {@code logs}. The shell half
 * builds, installs and starts what lives outside the JVM (Docker Engines, the registry, PostgreSQL) and then
 * calls this with what it found.
 */
public final class Mec {

    /** Exit status of {@code up} when the system already runs: {@code ./mec up} then only re-checks the handler. */
    static final int ALREADY_RUNNING = 3;

    private static final String USAGE = """
            usage: mec-launcher up [--all-in-one | --per-service] [--hosts N] [--docker-socket PATH] [--timeout S]
                                   [--base-port P]
                   mec-launcher down
                   mec-launcher status [--json]
                   mec-launcher logs NAME""";

    private final Layout layout;

    private Mec(Layout layout) {
        this.layout = layout;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("edgeslice.root", ".")).toAbsolutePath().normalize();
        Mec mec = new Mec(Layout.of(root));
        if (args.length == 0) {
            usage("no command");
        }
        List<String> rest = List.of(args).subList(1, args.length);
        int code = switch (args[0]) {
            case "up" -> mec.up(rest);
            case "down" -> mec.down(rest);
            case "status" -> mec.status(rest);
            case "logs" -> mec.logs(rest);
            default -> usage("unknown command '" + args[0] + "'");
        };
        System.exit(code);
    }

    private static int usage(String problem) {
        System.err.println("mec: " + problem);
        System.err.println(USAGE);
        System.exit(2);
        return 2;
    }

    // ------------------------------------------------------------------------------------------------ up
    private int up(List<String> args) throws IOException {
        boolean allInOne = true;
        int hosts = 1;
        String dockerSocket = null;
        int timeout = 180;
        int basePort = Topology.DEFAULT_BASE_PORT;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--all-in-one" -> allInOne = true;
                case "--per-service" -> allInOne = false;
                case "--hosts" -> hosts = positive(args, ++i, "--hosts");
                case "--docker-socket" -> dockerSocket = value(args, ++i, "--docker-socket");
                case "--timeout" -> timeout = positive(args, ++i, "--timeout");
                case "--base-port" -> basePort = positive(args, ++i, "--base-port");
                default -> usage("unknown option '" + args.get(i) + "'");
            }
        }
        if (hosts > 8) {
            usage("--hosts takes 1 to 8");
        }
        if (anyRunning()) {
            System.err.println("mec: the system is already running (./mec status shows it; './mec down' stops it)");
            return ALREADY_RUNNING;
        }
        Topology topology = Topology.plan(allInOne, hosts, dockerSocket, basePort, layout);
        if (topology.procs().isEmpty()) {
            System.err.println("mec: no service WAR is built; build first (./mec build)");
            return 1;
        }
        if (!installRuntime()) {
            return 1;
        }
        saveState(allInOne, hosts, dockerSocket, basePort);
        String notice = ReservedPorts.reserve(topology.hosts().stream().map(h -> h.portRangeStart() + "-"
                + (h.portRangeStart() + Topology.PORTS_PER_HOST - 1)).toList(), ReservedPorts.FILE);
        if (notice != null) {
            System.err.println(notice);
        }
        long started = System.nanoTime();
        for (Topology.Proc p : topology.procs()) {
            start(p);
        }
        System.out.printf("Starting %d Payara Micro process(es) on 127.0.0.1 (%s)%n", topology.procs().size(),
                allInOne ? "all-in-one: every WAR in one process" : "one process per service");
        boolean ready = awaitReady(topology, Duration.ofSeconds(timeout));
        double seconds = (System.nanoTime() - started) / 1e9;
        long rss = 0;
        for (Topology.Proc p : topology.procs()) {
            rss += Processes.running(layout.pidFile(p.name())).map(h -> Processes.rssMiB(h.pid())).orElse(0L);
        }
        if (!ready) {
            System.err.printf("mec: not ready after %.1f s; see ./mec logs NAME (logs in %s)%n", seconds, layout.logs());
            return 1;
        }
        System.out.printf("Ready in %.1f s, %d MiB resident in all.%n%n", seconds, rss);
        printTable(topology);
        return 0;
    }

    private boolean installRuntime() throws IOException {
        Path built = layout.builtPayaraJar();
        Path copy = layout.payaraJar();
        if (!Files.isRegularFile(built)) {
            if (Files.isRegularFile(copy)) {
                return true;
            }
            System.err.println("mec: " + built + " is missing; build first (./mec build)");
            return false;
        }
        if (!Files.isRegularFile(copy) || Files.size(copy) != Files.size(built)
                || Files.getLastModifiedTime(copy).compareTo(Files.getLastModifiedTime(built)) < 0) {
            Files.createDirectories(copy.getParent());
            Path tmp = copy.resolveSibling("payara-micro.jar.tmp");
            Files.copy(built, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return true;
    }

    private void start(Topology.Proc p) throws IOException {
        Path rootDir = layout.state().resolve("payara").resolve(p.name());
        Path tmp = layout.state().resolve("tmp").resolve(p.name());
        // a fresh runtime directory: Payara Micro would otherwise redeploy what the last run left there
        deleteTree(rootDir);
        deleteTree(tmp);
        Files.createDirectories(rootDir);
        Files.createDirectories(tmp);
        Files.createDirectories(layout.dataDir(p.name()));
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx" + p.heap(), "-Xss512k"));
        cmd.addAll(compilerFlags(p, System.getenv("EDGESLICE_CLOUD_JIT")));
        cmd.addAll(List.of("-XX:+UseSerialGC", "-Djava.io.tmpdir=" + tmp, "-Dedgeslice.process=" + p.name()));
        p.properties().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        // after the planned properties: of two -D settings of one key the JVM keeps the last
        passThroughSystemProperties(cmd);
        cmd.addAll(List.of("-jar", layout.payaraJar().toString(), "--nohazelcast",
                "--prebootcommandfile", layout.preboot().toString(), "--port", Integer.toString(p.port()),
                "--rootdir", rootDir.toString()));
        // EDGESLICE_PAYARA_ARGS: more Payara Micro options for every process, e.g. "--accesslog DIR
        // --accesslogformat FORMAT" to see each request's time taken
        String payaraArgs = System.getenv("EDGESLICE_PAYARA_ARGS");
        if (payaraArgs != null && !payaraArgs.isBlank()) {
            cmd.addAll(List.of(payaraArgs.trim().split("\\s+")));
        }
        for (Topology.Service s : p.services()) {
            cmd.add("--deploy");
            cmd.add(layout.war(s.name()) + ":" + s.contextRoot());
        }
        Files.deleteIfExists(layout.log(p.name()));
        Processes.startDetached(cmd, layout.log(p.name()), layout.pidFile(p.name()), layout.root());
    }

    /**
     * JIT compilers of a Payara process: C1 only ({@code -XX:TieredStopAtLevel=1}), which starts fastest and keeps
     * the management plane small. {@code EDGESLICE_CLOUD_JIT=c2} gives the process that hosts the cloud platform C1
     * and C2 (tiered, the JVM default): the CISS's durable creates then took 0.35-0.45 ms of CPU instead of
     * 0.73-0.82 ms, but the process needs about 105-120 s of CPU to become ready instead of about 60 s, which on
     * the shared 2-core machine made ./mec up take 63-145 s instead of 64-68 s (docs/evaluation.md, "CSE
     * throughput, second pass"). Since the CISS store's session-6 changes C1 alone gives 0.47-0.60 ms and
     * 2,700-3,400 creates/s at 64 clients ("third pass"), above the 2,500/s goal. EDGESLICE_OPTS can still set
     * {@code -XX:TieredStopAtLevel} for every process (it comes later on the command line).
     */
    static List<String> compilerFlags(Topology.Proc p, String cloudJit) {
        boolean cloud = p.services().stream().anyMatch(s -> s.name().equals("cloud-platform"));
        if (cloud && "c2".equalsIgnoreCase(cloudJit)) {
            return List.of();
        }
        // C1 compiles a method after a tenth of the usual invocations: the slicing procedure runs each of its code
        // paths once per new slice, so with the default thresholds C1 was still compiling the management plane
        // after 15-20 slices (0.6-1.4 s each on a fresh system; p50 386 ms after 5 slices with this, 617-698 ms
        // without). The code cache grows to hold it: C1's default 48 MB filled during deployment.
        return List.of("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.1", "-XX:ReservedCodeCacheSize=256m");
    }

    /** Settings a user gives ./mec as EDGESLICE_OPTS=-Dkey=value reach every service. */
    private static void passThroughSystemProperties(List<String> cmd) {
        String opts = System.getenv("EDGESLICE_OPTS");
        if (opts != null && !opts.isBlank()) {
            cmd.addAll(List.of(opts.trim().split("\\s+")));
        }
    }

    /** How often a Payara process that exits during start-up is started: see {@link #awaitReady}. */
    static final int START_ATTEMPTS = 3;

    /**
     * Waits until every process answers its health check and every WAR its probe. A process that exits first is
     * started again, up to {@link #START_ATTEMPTS} times in all: Payara's service locator (HK2) has a start-up race
     * between its threads (a {@code ConcurrentModificationException} in {@code SystemDescriptor}; known upstream,
     * eclipse-ee4j/glassfish#22612) that, rarely, stops the server before it serves anything (seen once in CI).
     */
    private boolean awaitReady(Topology topology, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> pending = new ArrayList<>();
        Map<String, Integer> starts = new java.util.HashMap<>();
        while (System.nanoTime() < deadline) {
            pending.clear();
            for (Topology.Proc p : topology.procs()) {
                if (Processes.running(layout.pidFile(p.name())).isEmpty()) {
                    int started = starts.merge(p.name(), 1, Integer::sum);
                    boolean again = started < START_ATTEMPTS;
                    System.err.println("mec: process " + p.name() + " exited during start-up" + (again
                            ? "; starting it again (" + (started + 1) + " of " + START_ATTEMPTS + "). Its log:"
                            : "; last lines of its log:"));
                    tail(layout.log(p.name()), again ? 8 : 20);
                    if (!again) {
                        return false;
                    }
                    Files.copy(layout.log(p.name()), layout.log(p.name()).resolveSibling(p.name() + ".failed-start-"
                            + started + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    start(p);
                    pending.add(p.name() + " (started again)");
                    continue;
                }
                String server = "http://127.0.0.1:" + p.port();
                if (!Probe.healthy(server)) {
                    pending.add(p.name() + " /health/ready");
                    continue;
                }
                for (Topology.Service s : p.services()) {
                    if (!Probe.deployed(server + s.probePath())) {
                        pending.add(p.name() + " " + s.name());
                    }
                }
            }
            if (pending.isEmpty()) {
                return true;
            }
            Processes.sleep(250);
        }
        System.err.println("mec: still waiting for " + pending);
        return false;
    }

    // ------------------------------------------------------------------------------------------------ down
    private int down(List<String> args) throws IOException {
        if (!args.isEmpty()) {
            usage("down takes no options");
        }
        Path run = layout.state().resolve("run");
        int stopped = 0;
        if (Files.isDirectory(run)) {
            try (var files = Files.list(run)) {
                for (Path pid : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                    if (Processes.running(pid).isPresent()) {
                        stopped++;
                    }
                    Processes.stop(pid, Duration.ofSeconds(20));
                }
            }
        }
        System.out.println(stopped == 0 ? "Nothing was running." : "Stopped " + stopped + " process(es).");
        return 0;
    }

    // ------------------------------------------------------------------------------------------------ status
    private int status(List<String> args) throws IOException {
        boolean json = args.contains("--json");
        for (String a : args) {
            if (!a.equals("--json")) {
                usage("unknown option '" + a + "'");
            }
        }
        Properties state = loadState();
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> services = new ArrayList<>();
        List<Object> hosts = new ArrayList<>();
        out.put("services", services);
        out.put("hosts", hosts);
        if (state != null && anyRunning()) {
            Topology t = planned(state);
            for (Topology.Proc p : t.procs()) {
                boolean alive = Processes.running(layout.pidFile(p.name())).isPresent();
                String server = "http://127.0.0.1:" + p.port();
                boolean healthy = alive && Probe.healthy(server);
                for (Topology.Service s : p.services()) {
                    Map<String, Object> svc = new LinkedHashMap<>();
                    svc.put("name", s.name());
                    svc.put("apiRoot", s.apiRoot(p.port()));
                    svc.put("health", healthy && Probe.deployed(server + s.probePath()) ? "UP" : "DOWN");
                    svc.put("openapi", server + "/openapi");
                    if (s.hostId() != null) {
                        svc.put("host", s.hostId());
                    }
                    svc.put("process", p.name());
                    services.add(svc);
                }
            }
            String cloud = t.apiRootOf("cloud-platform", null);
            if (cloud != null) {
                Map<String, Object> ciss = new LinkedHashMap<>();
                ciss.put("name", "ciss");
                ciss.put("apiRoot", cloud + "/cse");
                ciss.put("health", Probe.deployed(cloud + "/cse/in-cse") ? "UP" : "DOWN");
                ciss.put("openapi", null);
                ciss.put("cseId", "/id-in");
                ciss.put("cseName", "in-cse");
                services.add(ciss);
            }
            services.addAll(handlers());
            String registry = System.getenv().getOrDefault("EDGESLICE_REGISTRY", "127.0.0.1:5000");
            if (Probe.status("http://" + registry + "/v2/") == 200) {
                Map<String, Object> csfr = new LinkedHashMap<>();
                csfr.put("name", "csfr");
                csfr.put("apiRoot", "http://" + registry + "/v2/");
                csfr.put("health", "UP");
                csfr.put("openapi", null);
                services.add(csfr);
            }
            for (Topology.Host h : t.hosts()) {
                Map<String, Object> host = new LinkedHashMap<>();
                host.put("id", h.id());
                host.put("name", h.name());
                host.put("location", new LinkedHashMap<>(Map.of("zone", h.zone(), "latitude", h.latitude(),
                        "longitude", h.longitude())));
                host.put("mepm", t.apiRootOf("mepm", h.id()));
                host.put("mecPlatform", t.apiRootOf("mec-platform", h.id()));
                host.put("docker", h.dockerEndpoint());
                hosts.add(host);
            }
        }
        if (json) {
            System.out.println(Json.write(out));
        } else if (services.isEmpty()) {
            System.out.println("Not running. Start with ./mec up");
        } else {
            for (Object o : services) {
                @SuppressWarnings("unchecked") Map<String, Object> s = (Map<String, Object>) o;
                System.out.printf("%-15s %-5s %-45s %s%n", s.get("name"), s.get("health"), s.get("apiRoot"),
                        s.getOrDefault("host", ""));
            }
            for (Object o : hosts) {
                @SuppressWarnings("unchecked") Map<String, Object> h = (Map<String, Object>) o;
                System.out.printf("host %-8s %-30s docker=%s%n", h.get("id"), h.get("name"), h.get("docker"));
            }
        }
        return 0;
    }

    /**
     * The IoT Slicing Handler instances that {@code ./mec up} deployed through the MEO, one per host, as the
     * deployer reported them ({@code run/handler.txt}: {@code host=.. appInstanceId=.. endpoint.http=..}).
     */
    private List<Map<String, Object>> handlers() throws IOException {
        Path file = layout.state().resolve("run/handler.txt");
        List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file)) {
            Map<String, String> kv = new LinkedHashMap<>();
            for (String part : line.trim().split("\\s+")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    kv.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            String url = kv.get("endpoint.http");
            if (url == null) {
                continue;
            }
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("name", "handler");
            h.put("apiRoot", url);
            h.put("health", Probe.status(url + "/iot_slicing/v1/requests") == 200 ? "UP" : "DOWN");
            h.put("openapi", null);
            h.put("host", kv.get("host"));
            h.put("appInstanceId", kv.get("appInstanceId"));
            out.add(h);
        }
        return out;
    }

    private void printTable(Topology t) {
        for (Topology.Proc p : t.procs()) {
            for (Topology.Service s : p.services()) {
                System.out.printf("  %-15s %-45s %s%n", s.name(), s.apiRoot(p.port()),
                        s.hostId() == null ? "" : s.hostId());
            }
        }
        for (Topology.Host h : t.hosts()) {
            System.out.printf("  host %-8s %-30s docker=%s%n", h.id(), h.name(),
                    h.dockerEndpoint() == null ? "none (local-process driver)" : h.dockerEndpoint());
        }
        System.out.println();
        System.out.println("Status: ./mec status [--json]   Logs: ./mec logs NAME   Stop: ./mec down");
    }

    // ------------------------------------------------------------------------------------------------ logs
    private int logs(List<String> args) throws IOException {
        if (args.size() != 1) {
            usage("logs takes one NAME");
        }
        String name = args.get(0);
        Path log = resolveLog(name);
        if (log == null) {
            System.err.println("mec: no log for '" + name + "'; known: " + knownLogs());
            return 1;
        }
        try (InputStream in = Files.newInputStream(log); OutputStream out = System.out) {
            in.transferTo(out);
        }
        return 0;
    }

    private Path resolveLog(String name) throws IOException {
        Path direct = layout.log(name);
        if (Files.exists(direct)) {
            return direct;
        }
        Properties state = loadState();
        if (state == null) {
            return null;
        }
        Topology t = planned(state);
        for (Topology.Proc p : t.procs()) {
            for (Topology.Service s : p.services()) {
                if (s.name().equals(name) && Files.exists(layout.log(p.name()))) {
                    return layout.log(p.name());
                }
            }
        }
        return null;
    }

    private List<String> knownLogs() throws IOException {
        if (!Files.isDirectory(layout.logs())) {
            return List.of();
        }
        try (var files = Files.list(layout.logs())) {
            return files.map(f -> f.getFileName().toString().replaceFirst("\\.log$", "")).sorted().toList();
        }
    }

    // ------------------------------------------------------------------------------------------------ state
    private boolean anyRunning() throws IOException {
        Path run = layout.state().resolve("run");
        if (!Files.isDirectory(run)) {
            return false;
        }
        try (var files = Files.list(run)) {
            return files.filter(f -> f.toString().endsWith(".pid")).anyMatch(f -> Processes.running(f).isPresent());
        }
    }

    private void saveState(boolean allInOne, int hosts, String dockerSocket, int basePort) throws IOException {
        Properties p = new Properties();
        p.setProperty("basePort", Integer.toString(basePort));
        p.setProperty("allInOne", Boolean.toString(allInOne));
        p.setProperty("hosts", Integer.toString(hosts));
        if (dockerSocket != null) {
            p.setProperty("dockerSocket", dockerSocket);
        }
        Path file = layout.state().resolve("run/state.properties");
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "./mec up");
        }
    }

    private Topology planned(Properties state) {
        return Topology.plan(Boolean.parseBoolean(state.getProperty("allInOne")),
                Integer.parseInt(state.getProperty("hosts")), state.getProperty("dockerSocket"),
                Integer.parseInt(state.getProperty("basePort", Integer.toString(Topology.DEFAULT_BASE_PORT))), layout);
    }

    private Properties loadState() throws IOException {
        Path file = layout.state().resolve("run/state.properties");
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    // ------------------------------------------------------------------------------------------------ helpers
    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            all.subList(Math.max(0, all.size() - lines), all.size()).forEach(l -> System.err.println("  " + l));
        } catch (IOException e) {
            System.err.println("  (no log at " + file + ")");
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            usage(option + " needs a value");
        }
        return args.get(i);
    }

    private static int positive(List<String> args, int i, String option) {
        try {
            int n = Integer.parseInt(value(args, i, option));
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            usage(option + " takes a positive whole number");
            return -1;
        }
    }

    static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(s -> !s.isBlank());
    }
}
