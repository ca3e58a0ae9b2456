package org.edgeslice.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Where things are: the checkout, the built WARs, and the launcher's state under {@code .mec/}. */
record Layout(Path root, Path state) {

    /** The default layout: state under {@code <root>/.mec}, or {@code edgeslice.state} when set (tests). */
    static Layout of(Path root) {
        String state = System.getProperty("edgeslice.state");
        return new Layout(root, state == null ? root.resolve(".mec") : Path.of(state).toAbsolutePath());
    }

    Path logs() {
        return state().resolve("logs");
    }

    Path log(String name) {
        return logs().resolve(name + ".log");
    }

    Path pidFile(String name) {
        return state().resolve("run").resolve(name + ".pid");
    }

    Path dataDir(String name) {
        return state().resolve("data").resolve(name);
    }

    /**
     * A snapshot of an ME App's build (jar and lib/) that the running system uses: the ISSM composes images from
     * it, and the MEPM's local-process driver runs {@code app.jar} from it. A later build does not disturb it.
     */
    Path artifacts(String app) {
        return state.resolve("artifacts").resolve(app);
    }

    Path statusFile() {
        return state().resolve("run").resolve("status.json");
    }

    Path war(String service) {
        return root.resolve(service).resolve("target").resolve(service + ".war");
    }

    /** The Payara Micro runtime the build copied (rebuilt by every build of the module). */
    Path builtPayaraJar() {
        return root.resolve("mec-platform/target/payara/payara-micro.jar");
    }

    /**
     * The launcher's own copy of the runtime: Payara Micro reads its jar while it runs, so it must not be the
     * file that the next build overwrites.
     */
    Path payaraJar() {
        return state.resolve("runtime").resolve("payara-micro.jar");
    }

    Path preboot() {
        return root.resolve("runtime/preboot.asadmin");
    }

    String hostDockerSocket(int index) {
        return "/run/edgeslice/host" + index + "/docker.sock";
    }

    /** A secret kept across restarts (shared by a host's MEPM and MEC platform for Mm5). */
    String secret(String name) {
        Path file = state().resolve("secrets").resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String secret = HexFormat.of().formatHex(bytes);
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
