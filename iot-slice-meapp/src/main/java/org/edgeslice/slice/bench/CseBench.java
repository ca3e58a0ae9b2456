package org.edgeslice.slice.bench;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CSE benchmark (not a test): against a running CSE, measures contentInstance CREATE and {@code la} RETRIEVE latency
 * with one client (p50/p99) and throughput with many keep-alive clients for a bounded time, and prints a table.
 *
 * <pre>
 * java -cp iot-slice-meapp.jar org.edgeslice.slice.bench.CseBench http://127.0.0.1:62589/cse-slice \
 *      [--seconds=10] [--clients=64] [--samples=5000] [--warmup=3000] [--mni=1000] [--origin=CAdmin]
 *      [--ops=create,retrieve] [--client=nio|threads] [--server-pid=PID]
 * </pre>
 * The concurrent phases drive all connections from one thread with a selector ({@code --client=nio}, the default;
 * see {@link NioClients}) or, as before, one blocking thread per connection ({@code --client=threads}). Each row
 * reports the CPU the benchmark's own process used per request and, with {@code --server-pid}, the CPU of the
 * server process per request (from {@code /proc/PID/stat}): the client shares the machine with the server, so
 * both are needed to tell whose limit a throughput figure is.
 * The base URL names the CSEBase; the bench registers its own AE (AE-ID {@code Cbench<random>}) with one container
 * ({@code mni} bounds memory on the CSE) and deletes the AE at the end. Only {@code http://} URLs.
 */
public final class CseBench {
    private static final int MAX_SECONDS = 600;
    private static final int MAX_SAMPLES = 1_000_000;

    private final String host;
    private final int port;
    private final String basePath;
    private final String origin;
    private final String ops;
    private final boolean nio;
    private final long serverPid;

    private CseBench(URI base, String origin, String ops, boolean nio, long serverPid) {
        this.ops = ops;
        this.nio = nio;
        this.serverPid = serverPid;
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 80 : base.getPort();
        this.basePath = base.getPath().replaceAll("/+$", "");
        this.origin = origin;
    }

    /** Results of one phase. */
    private record Row(String operation, int clients, long requests, long errors, double seconds, long[] nanos,
                       double clientCpuMs, double serverCpuMs) {
        double p(double q) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(nanos.length - 1, Math.ceil(q * nanos.length) - 1);
            return nanos[Math.max(0, i)] / 1e6;
        }

        double mean() {
            return nanos.length == 0 ? Double.NaN : Arrays.stream(nanos).average().orElse(0) / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !args[0].startsWith("http://")) {
            System.err.println("usage: CseBench http://127.0.0.1:62589/<cse-name> [--seconds=10] [--clients=64]"
                    + " [--samples=5000] [--warmup=3000] [--mni=1000] [--origin=CAdmin] [--ops=create,retrieve]"
                    + " [--client=nio|threads] [--server-pid=PID]");
            System.exit(2);
        }
        int seconds = Math.min(MAX_SECONDS, intOpt(args, "seconds", 10));
        int clients = Math.max(1, Math.min(1024, intOpt(args, "clients", 64)));
        int samples = Math.min(MAX_SAMPLES, intOpt(args, "samples", 5000));
        int warmup = Math.min(MAX_SAMPLES, intOpt(args, "warmup", 3000));
        int mni = intOpt(args, "mni", 1000);
        CseBench bench = new CseBench(URI.create(args[0]), strOpt(args, "origin", null),
                strOpt(args, "ops", "create,retrieve"), !"threads".equals(strOpt(args, "client", "nio")),
                Long.parseLong(strOpt(args, "server-pid", "-1")));
        bench.run(seconds, clients, samples, warmup, mni);
    }

    private void run(int seconds, int clients, int samples, int warmup, int mni) throws Exception {
        String aeId = origin != null ? origin : "Cbench" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String aeName = "bench-" + aeId;
        String cnt = basePath + "/" + aeName + "/data";
        try (RawHttpConnection c = new RawHttpConnection(host, port)) {
            expect(c.exchange(RawHttpConnection.request("POST", host, basePath, aeId, "application/json;ty=2",
                    "{\"m2m:ae\":{\"rn\":\"" + aeName + "\",\"api\":\"Nbench.edgeslice.org\",\"rr\":false,"
                            + "\"srv\":[\"3\"]}}")), 201, "AE create");
            expect(c.exchange(RawHttpConnection.request("POST", host, basePath + "/" + aeName, aeId,
                    "application/json;ty=3", "{\"m2m:cnt\":{\"rn\":\"data\",\"mni\":" + mni + "}}")), 201,
                    "container create");
        }
        byte[] create = RawHttpConnection.request("POST", host, cnt, aeId, "application/json;ty=4",
                "{\"m2m:cin\":{\"cnf\":\"text/plain:0\",\"con\":\"23.5\"}}");
        byte[] latest = RawHttpConnection.request("GET", host, cnt + "/la", aeId, null, null);

        List<Row> rows = new ArrayList<>();
        sequential(create, Math.max(1, warmup), 201); // also gives "la" something to return
        if (ops.contains("retrieve")) {
            sequential(latest, warmup, 200);
        }
        if (ops.contains("create")) {
            rows.add(sequentialRow("cin create", create, samples, 201));
        }
        if (ops.contains("retrieve")) {
            rows.add(sequentialRow("la retrieve", latest, samples, 200));
        }
        if (ops.contains("create")) {
            rows.add(concurrent("cin create", create, clients, seconds, 201));
        }
        if (ops.contains("retrieve")) {
            rows.add(concurrent("la retrieve", latest, clients, seconds, 200));
        }

        try (RawHttpConnection c = new RawHttpConnection(host, port)) {
            c.exchange(RawHttpConnection.request("DELETE", host, basePath + "/" + aeName, aeId, null, null));
        }
        print(rows);
    }

    private void sequential(byte[] req, int n, int expected) throws IOException {
        try (RawHttpConnection c = new RawHttpConnection(host, port)) {
            for (int i = 0; i < n; i++) {
                c.exchange(req);
            }
        }
    }

    private Row sequentialRow(String op, byte[] req, int n, int expected) throws IOException {
        long[] nanos = new long[n];
        long errors = 0;
        long cpu0 = clientCpuNanos();
        long srv0 = serverCpuTicks();
        long start = System.nanoTime();
        try (RawHttpConnection c = new RawHttpConnection(host, port)) {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                RawHttpConnection.Reply r = c.exchange(req);
                nanos[i] = System.nanoTime() - t0;
                if (r.status() != expected) {
                    errors++;
                }
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double cli = (clientCpuNanos() - cpu0) / 1e6;
        double srv = serverCpuMs(srv0);
        Arrays.sort(nanos);
        return new Row(op, 1, n, errors, secs, nanos, cli, srv);
    }

    private Row concurrent(String op, byte[] req, int clients, int seconds, int expected) throws Exception {
        long cpu0 = clientCpuNanos();
        long srv0 = serverCpuTicks();
        long start = System.nanoTime();
        long[][] perConnection;
        long errors;
        if (nio) {
            NioClients driver = new NioClients(host, port, req, expected);
            perConnection = driver.run(clients, start + seconds * 1_000_000_000L);
            errors = driver.errors();
        } else {
            ThreadedClients driver = threadedClients(req, clients, seconds, expected);
            perConnection = driver.perThread();
            errors = driver.errors();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double cli = (clientCpuNanos() - cpu0) / 1e6;
        double srv = serverCpuMs(srv0);
        long total = Arrays.stream(perConnection).mapToLong(a -> a.length).sum();
        long[] all = new long[(int) Math.min(Integer.MAX_VALUE - 8, total)];
        int k = 0;
        for (long[] a : perConnection) {
            for (long v : a) {
                if (k < all.length) {
                    all[k++] = v;
                }
            }
        }
        Arrays.sort(all);
        return new Row(op, clients, total, errors, secs, all, cli, srv);
    }

    private record ThreadedClients(long[][] perThread, long errors) {
    }

    /** One blocking thread per connection (the benchmark's original client). */
    private ThreadedClients threadedClients(byte[] req, int clients, int seconds, int expected) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        long[][] perThread = new long[clients][];
        Thread[] threads = new Thread[clients];
        for (int t = 0; t < clients; t++) {
            final int id = t;
            threads[t] = new Thread(() -> {
                long[] lat = new long[4096];
                int n = 0;
                try (RawHttpConnection c = new RawHttpConnection(host, port)) {
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        RawHttpConnection.Reply r = c.exchange(req);
                        long d = System.nanoTime() - t0;
                        if (n == lat.length && n < MAX_SAMPLES) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        if (n < lat.length) {
                            lat[n++] = d;
                        }
                        if (r.status() != expected) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
                perThread[id] = Arrays.copyOf(lat, n);
            }, "bench-" + t);
        }
        for (Thread th : threads) {
            th.start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread th : threads) {
            th.join();
        }
        return new ThreadedClients(perThread, errors.get());
    }

    /** CPU time of this JVM (all threads), or -1 if the platform does not tell. */
    private static long clientCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** utime + stime of the server process in clock ticks, or -1 without {@code --server-pid} or /proc. */
    private long serverCpuTicks() {
        if (serverPid <= 0) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + serverPid + "/stat"));
            // fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of proc(5)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Server CPU since {@code ticks0} in ms (USER_HZ is 100 on Linux), or NaN when not measured. */
    private double serverCpuMs(long ticks0) {
        long t1 = serverCpuTicks();
        return ticks0 < 0 || t1 < 0 ? Double.NaN : (t1 - ticks0) * 10.0;
    }

    private static void print(List<Row> rows) {
        System.out.println(String.format(Locale.ROOT, "%-12s %7s %9s %6s %9s %9s %9s %10s %13s %13s", "operation",
                "clients", "requests", "errors", "p50 ms", "p99 ms", "mean ms", "req/s", "client CPU/req",
                "server CPU/req"));
        for (Row r : rows) {
            System.out.println(String.format(Locale.ROOT, "%-12s %7d %9d %6d %9.3f %9.3f %9.3f %10.0f %10.3f ms %10s",
                    r.operation(), r.clients(), r.requests(), r.errors(), r.p(0.50), r.p(0.99), r.mean(),
                    r.requests() / r.seconds(), r.clientCpuMs() / Math.max(1, r.requests()),
                    Double.isNaN(r.serverCpuMs()) ? "-" : String.format(Locale.ROOT, "%.3f ms",
                            r.serverCpuMs() / Math.max(1, r.requests()))));
        }
    }

    private static void expect(RawHttpConnection.Reply r, int status, String what) {
        if (r.status() != status) {
            throw new IllegalStateException(what + " failed: HTTP " + r.status() + " "
                    + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static int intOpt(String[] args, String name, int dflt) {
        String v = strOpt(args, name, null);
        return v == null ? dflt : Integer.parseInt(v);
    }

    private static String strOpt(String[] args, String name, String dflt) {
        for (String a : args) {
            if (a.startsWith("--" + name + "=")) {
                return a.substring(name.length() + 3);
            }
        }
        return dflt;
    }
}
