package org.edgeslice.evaluation.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The machine and software a run measured on, for the result file and docs/evaluation.md. */
public final class Environment {
    private Environment() {
    }

    public static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpuModel", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("memTotal", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("distribution", prettyName());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("netty", io.netty.util.Version.identify().values().stream().findFirst()
                .map(v -> v.artifactVersion()).orElse("?"));
        m.put("gitCommit", gitCommit());
        m.put("loadAverage", loadAverage());
        m.put("netem", netem());
        return m;
    }

    /** The project's commit (and "+dirty" with uncommitted changes), when run from a git work tree. */
    public static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "describe", "--always", "--dirty=+dirty").redirectErrorStream(true)
                    .start();
            String v = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0 ? v : "?";
        } catch (IOException | RuntimeException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Whether this kernel could emulate the WAN with netem, and why not. */
    public static String netem() {
        if (Files.isDirectory(Path.of("/sys/module/sch_netem"))) {
            return "available (sch_netem loaded) - not used: the user-space emulator keeps runs comparable";
        }
        String release = System.getProperty("os.version");
        Path modules = Path.of("/lib/modules", release);
        if (Files.isDirectory(modules)) {
            try (Stream<Path> s = Files.walk(modules)) {
                if (s.anyMatch(p -> p.getFileName().toString().startsWith("sch_netem.ko"))) {
                    return "available as a module - not used: the user-space emulator keeps runs comparable";
                }
            } catch (IOException | RuntimeException ignored) {
                // fall through
            }
        }
        for (Path config : new Path[] {Path.of("/boot/config-" + release), Path.of("/proc/config.gz")}) {
            if (Files.isReadable(config) && config.toString().endsWith(release)) {
                try {
                    String c = Files.readString(config);
                    if (c.contains("CONFIG_NET_SCH_NETEM=y")) {
                        return "built in - not used: the user-space emulator keeps runs comparable";
                    }
                    return "unavailable (CONFIG_NET_SCH_NETEM not set in " + config + ")";
                } catch (IOException | RuntimeException ignored) {
                    // fall through
                }
            }
        }
        return "unavailable (no sch_netem module for kernel " + release + ")";
    }

    private static String prettyName() {
        String v = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME");
        return v.replace("\"", "").replaceFirst("^=", "");
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    int sep = line.indexOf(':') >= 0 ? line.indexOf(':') : line.indexOf('=');
                    return line.substring(sep + 1).trim();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return "?";
    }
}
