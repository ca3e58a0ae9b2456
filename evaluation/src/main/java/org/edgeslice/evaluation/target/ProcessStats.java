package org.edgeslice.evaluation.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory and CPU time of a process, read from Linux's /proc (no agent in the measured process).
 *
 * @param rssKiB     VmRSS from /proc/PID/status
 * @param cpuSeconds user + system time from /proc/PID/stat (clock ticks of 1/100 s, the Linux USER_HZ)
 */
public record ProcessStats(long rssKiB, double cpuSeconds) {
    private static final double TICKS_PER_SECOND = 100.0;

    public static ProcessStats of(long pid) throws IOException {
        long rss = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // fields after the command name (which may contain spaces) start after the last ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(f[11]);
        long stime = Long.parseLong(f[12]);
        return new ProcessStats(rss, (utime + stime) / TICKS_PER_SECOND);
    }

    /** True where /proc is readable (Linux); the scale experiment reports "not measured" elsewhere. */
    public static boolean supported() {
        return Files.isReadable(Path.of("/proc/self/status"));
    }
}
