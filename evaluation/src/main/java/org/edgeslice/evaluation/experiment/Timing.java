package org.edgeslice.evaluation.experiment;

import java.io.IOException;

/** Bounded, timed loops of one request at a time. */
public final class Timing {
    private Timing() {
    }

    /** One request; returns the HTTP status (or any code the caller checks). */
    @FunctionalInterface
    public interface Exchange {
        int run() throws IOException;
    }

    /** Latencies of {@code n} consecutive exchanges, in nanoseconds; throws if any status differs from expected. */
    public static long[] measure(int n, Exchange op, int expectedStatus) throws IOException {
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            int status = op.run();
            nanos[i] = System.nanoTime() - t0;
            if (status != expectedStatus) {
                throw new IOException("request " + i + " answered " + status + ", expected " + expectedStatus);
            }
        }
        return nanos;
    }

    /** Runs {@code n} exchanges untimed (warm-up of the JIT compilers and of the connection). */
    public static void warm(int n, Exchange op) throws IOException {
        for (int i = 0; i < n; i++) {
            op.run();
        }
    }

    /** Alternates two exchanges (A then B, n times) so both series see the same background load. */
    public static long[][] interleaved(int n, Exchange a, int expectA, Exchange b, int expectB) throws IOException {
        long[] ra = new long[n];
        long[] rb = new long[n];
        for (int i = 0; i < n; i++) {
            ra[i] = measure(1, a, expectA)[0];
            rb[i] = measure(1, b, expectB)[0];
        }
        return new long[][] {ra, rb};
    }
}
