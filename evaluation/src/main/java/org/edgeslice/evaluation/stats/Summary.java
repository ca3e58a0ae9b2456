package org.edgeslice.evaluation.stats;

import java.util.Arrays;

/**
 * Summary statistics of one series of latencies, in milliseconds. Percentiles interpolate linearly between the two
 * nearest ranks (Hyndman and Fan type 7, the default of R, NumPy and spreadsheets): p = x[h] + (h - floor h)(x[h+1] -
 * x[h]) with h = (n - 1) q, 0-based.
 */
public record Summary(int n, double min, double p50, double mean, double p95, double p99, double max,
                      double stddev) {

    /** Summarises latencies given in nanoseconds (the array is not modified). */
    public static Summary ofNanos(long[] nanos) {
        double[] ms = new double[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            ms[i] = nanos[i] / 1e6;
        }
        return ofMillis(ms);
    }

    /** Summarises values in milliseconds (the array is not modified). */
    public static Summary ofMillis(double[] values) {
        if (values.length == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] v = values.clone();
        Arrays.sort(v);
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        double mean = sum / v.length;
        double sq = 0;
        for (double x : v) {
            sq += (x - mean) * (x - mean);
        }
        double sd = v.length > 1 ? Math.sqrt(sq / (v.length - 1)) : 0;
        return new Summary(v.length, v[0], percentile(v, 0.50), mean, percentile(v, 0.95), percentile(v, 0.99),
                v[v.length - 1], sd);
    }

    /**
     * Type-7 percentile of ascending values.
     *
     * @param q quantile in [0, 1]
     */
    public static double percentile(double[] sorted, double q) {
        if (q < 0 || q > 1 || Double.isNaN(q)) {
            throw new IllegalArgumentException("quantile must be in [0, 1]: " + q);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
