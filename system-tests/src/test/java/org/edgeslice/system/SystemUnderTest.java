package org.edgeslice.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The whole management plane, started by the real launcher (the Java half of {@code ./mec up}) on ports of
 * its own (base 28080) and a state directory under {@code target/}, on PostgreSQL when the build passes the
 * database options (as {@code ./mec test} does) and on the real Docker Engine.
 */
final class SystemUnderTest implements AutoCloseable {

    static final int BASE_PORT = 28080;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root = Path.of(System.getProperty("edgeslice.root", "..")).toAbsolutePath().normalize();
    private final Path state = Path.of(System.getProperty("edgeslice.sut.state", "target/sut")).toAbsolutePath();
    private final String output;

    private SystemUnderTest(String output) {
        this.output = output;
    }

    /** Starts the system and waits until every service is ready. */
    static SystemUnderTest start(String... upOptions) throws IOException, InterruptedException {
        SystemUnderTest probe = new SystemUnderTest("");
        probe.launcher("down");
        List<String> args = new ArrayList<>(List.of("up", "--base-port", Integer.toString(BASE_PORT),
                "--docker-socket", Engines.dockerHost().replaceFirst("^unix://", ""), "--timeout", "240"));
        args.addAll(List.of(upOptions));
        Result up = probe.launcher(args.toArray(String[]::new));
        assertEquals(0, up.exitCode(), "launcher up:\n" + up.output());
        return new SystemUnderTest(up.output());
    }

    String upOutput() {
        return output;
    }

    JsonNode status() throws IOException, InterruptedException {
        Result r = launcher("status", "--json");
        assertEquals(0, r.exitCode(), r.output());
        return JSON.readTree(r.output());
    }

    /** The apiRoot of a service (on host-1 for per-host services). */
    String apiRoot(String name) throws IOException, InterruptedException {
        for (JsonNode s : status().get("services")) {
            if (s.get("name").asText().equals(name) && (!s.has("host") || s.get("host").asText().equals("host-1"))) {
                return s.get("apiRoot").asText();
            }
        }
        throw new AssertionError("service " + name + " is not running: " + status());
    }

    record Result(int exitCode, String output) {
    }

    Result launcher(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dedgeslice.root=" + root, "-Dedgeslice.state=" + state, "-jar",
                root.resolve("launcher/target/launcher.jar").toString()));
        cmd.addAll(List.of(args));
        Files.createDirectories(state);
        Path out = Files.createTempFile(state, "launcher", ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        // the database options of ./mec test reach every service
        String dbOptions = System.getProperty("edgeslice.plane.db.options", "").trim();
        if (!dbOptions.isEmpty()) {
            pb.environment().put("EDGESLICE_OPTS", dbOptions);
        }
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("launcher " + String.join(" ", args) + " timed out:\n" + Files.readString(out));
        }
        String text = Files.readString(out);
        Files.delete(out);
        return new Result(p.exitValue(), text);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        launcher("down");
    }
}
