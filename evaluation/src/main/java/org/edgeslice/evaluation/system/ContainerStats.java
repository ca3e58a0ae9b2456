package org.edgeslice.evaluation.system;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory and CPU of containers as {@code docker stats --no-stream --format '{{.Name}}|{{.MemUsage}}|{{.CPUPerc}}'}
 * prints them (memory = the cgroup's usage without the page cache; CPU = percent of one core over docker's sampling
 * interval of about one second).
 */
public record ContainerStats(String name, long memBytes, double cpuPercent) {
    private static final Pattern SIZE = Pattern.compile("([0-9.]+)\\s*([KMGT]?i?B)", Pattern.CASE_INSENSITIVE);

    /** Parses one line; throws on anything else (the experiment must not silently report zeros). */
    public static ContainerStats parse(String line) {
        String[] f = line.trim().split("\\|");
        if (f.length != 3) {
            throw new IllegalArgumentException("not name|mem / limit|cpu%: " + line);
        }
        String used = f[1].split("/")[0].trim();
        String cpu = f[2].trim().replace("%", "");
        return new ContainerStats(f[0].trim(), bytes(used), Double.parseDouble(cpu));
    }

    static long bytes(String size) {
        Matcher m = SIZE.matcher(size.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: " + size);
        }
        double v = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "B" -> 1L;
            case "KB" -> 1000L;
            case "KIB" -> 1L << 10;
            case "MB" -> 1000L * 1000;
            case "MIB" -> 1L << 20;
            case "GB" -> 1000L * 1000 * 1000;
            case "GIB" -> 1L << 30;
            case "TB" -> 1000L * 1000 * 1000 * 1000;
            case "TIB" -> 1L << 40;
            default -> throw new IllegalArgumentException("unknown unit: " + size);
        };
        return Math.round(v * unit);
    }

    /** Sum over the containers: total memory (bytes) and CPU (percent of one core). */
    public static ContainerStats total(List<ContainerStats> all) {
        return new ContainerStats(all.size() + " containers", all.stream().mapToLong(ContainerStats::memBytes).sum(),
                all.stream().mapToDouble(ContainerStats::cpuPercent).sum());
    }
}
