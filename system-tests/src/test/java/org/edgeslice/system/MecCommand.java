package org.edgeslice.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code ./mec} as a user runs it, with a test's own state directory and environment; a non-zero exit fails. */
final class MecCommand {

    private final Path root = Path.of(System.getProperty("edgeslice.root", "..")).toAbsolutePath().normalize();
    private final Path state;
    private final Map<String, String> env;

    /** @param env extra environment (EDGESLICE_OPTS, HANDLER_SLICE_IDLE_SECONDS, ...); blank values are left out */
    MecCommand(Path state, Map<String, String> env) {
        this.state = state;
        this.env = env;
    }

    Path state() {
        return state;
    }

    String run(String... args) throws IOException, InterruptedException {
        Files.createDirectories(state);
        Path out = Files.createTempFile(state, "mec", ".out");
        List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("mec").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().put("EDGESLICE_STATE_DIR", state.toString());
        env.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                pb.environment().put(k, v.trim());
            }
        });
        Process p = pb.start();
        if (!p.waitFor(420, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("./mec " + String.join(" ", args) + " timed out:\n" + Files.readString(out));
        }
        String text = Files.readString(out);
        Files.delete(out);
        assertEquals(0, p.exitValue(), "./mec " + String.join(" ", args) + ":\n" + text);
        return text;
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
