package org.edgeslice.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Starting detached service processes, finding them again by pid file, and stopping them. */
final class Processes {

    private Processes() {
    }

    /** Starts {@code command} in a session of its own (so it outlives ./mec), its output in {@code log}. */
    static long startDetached(List<String> command, Path log, Path pidFile, Path workDir) throws IOException {
        Files.createDirectories(log.getParent());
        Files.createDirectories(pidFile.getParent());
        List<String> full = new java.util.ArrayList<>();
        full.add("setsid");
        full.addAll(command);
        Process p = new ProcessBuilder(full).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        Files.writeString(pidFile, Long.toString(p.pid()));
        return p.pid();
    }

    static Optional<ProcessHandle> running(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** SIGTERM, then SIGKILL after {@code grace}; removes the pid file. */
    static void stop(Path pidFile, Duration grace) throws IOException {
        Optional<ProcessHandle> handle = running(pidFile);
        if (handle.isPresent()) {
            ProcessHandle h = handle.get();
            h.descendants().forEach(ProcessHandle::destroy);
            h.destroy();
            Instant deadline = Instant.now().plus(grace);
            while (h.isAlive() && Instant.now().isBefore(deadline)) {
                sleep(100);
            }
            if (h.isAlive()) {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
                sleep(300);
            }
        }
        Files.deleteIfExists(pidFile);
    }

    /** Resident set size in MiB from /proc, or -1. */
    static long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone
        }
        return -1;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
