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

    Path statusFile() {
        return state().resolve("run").resolve("status.json");
    }

    Path war(String service) {
        return root.resolve(service).resolve("target").resolve(service + ".war");
    }

    Path payaraJar() {
        return root.resolve("mec-platform/target/payara/payara-micro.jar");
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
