package org.edgeslice.evaluation.wan;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * The WAN emulator as its own process, so the emulated network sits outside the benchmark client and outside the
 * CSEs:
 * <pre>
 * java -cp evaluation.jar org.edgeslice.evaluation.wan.WanEmulatorMain --target 127.0.0.1:18080 --rtt-ms 8 \
 *      [--listen 127.0.0.1:0] [--jitter-ms 0] [--seed 42] [--threads 1]
 * </pre>
 * Prints one line {@code WAN-EMULATOR READY port=P transport=epoll ...} when it listens. Stops when its standard
 * input reaches end-of-file (so it dies with the benchmark that started it) or on SIGTERM.
 */
public final class WanEmulatorMain {
    private WanEmulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress listen = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        InetSocketAddress target = null;
        double rtt = 8;
        double jitter = 0;
        long seed = 42;
        int threads = 1;
        boolean watchStdin = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--listen" -> { listen = address(v); i++; }
                case "--target" -> { target = address(v); i++; }
                case "--rtt-ms" -> { rtt = Double.parseDouble(v); i++; }
                case "--jitter-ms" -> { jitter = Double.parseDouble(v); i++; }
                case "--seed" -> { seed = Long.parseLong(v); i++; }
                case "--threads" -> { threads = Integer.parseInt(v); i++; }
                case "--no-stdin-watch" -> watchStdin = false;
                default -> usage("unknown option " + a);
            }
        }
        if (target == null) {
            usage("--target HOST:PORT is required");
        }
        WanSettings s = new WanSettings(listen, target, Math.round(rtt * 1e6 / 2), Math.round(jitter * 1e6), seed);
        WanEmulator emulator = WanEmulator.start(s, threads);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "wan-shutdown"));
        System.out.println(String.format(Locale.ROOT,
                "WAN-EMULATOR READY port=%d transport=%s rtt_ms=%.3f jitter_ms=%.3f target=%s:%d",
                emulator.port(), emulator.transport(), s.rttMillis(), jitter, target.getHostString(),
                target.getPort()));
        System.out.flush();
        if (watchStdin) {
            try {
                while (System.in.read() != -1) {
                    // ignore input; end-of-file means the parent is gone
                }
            } catch (IOException ignored) {
                // parent gone
            }
            System.exit(0);
        } else {
            Thread.currentThread().join();
        }
    }

    static InetSocketAddress address(String hostPort) {
        if (hostPort == null) {
            usage("missing HOST:PORT");
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            usage("expected HOST:PORT, got " + hostPort);
        }
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    private static void usage(String problem) {
        System.err.println("WanEmulatorMain: " + problem);
        System.err.println("usage: WanEmulatorMain --target 127.0.0.1:PORT [--listen 127.0.0.1:0] --rtt-ms 8"
                + " [--jitter-ms 0] [--seed 42] [--threads 1] [--no-stdin-watch]");
        System.exit(2);
    }
}
