package org.edgeslice.cloud.issm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The IoT slice's build output the ISSM composes images from (the iot-slice-meapp module's {@code target}): the
 * slice core ({@code iot-slice-meapp.jar} and {@code lib/*.jar}) and, when the slice module provides them, one
 * directory per common service function module ({@code functions/<name>/*.jar}).
 */
public record SliceArtifacts(Path dir) {

    public static final String JAR = "iot-slice-meapp.jar";

    /** @throws IllegalStateException saying what is missing */
    public static SliceArtifacts at(Path dir) {
        if (!Files.isRegularFile(dir.resolve(JAR)) || !Files.isDirectory(dir.resolve("lib"))) {
            throw new IllegalStateException("no slice artifacts in " + dir + ": expected " + JAR
                    + " and lib/ (build iot-slice-meapp with mvn package, and set cloud.slice.artifacts)");
        }
        return new SliceArtifacts(dir);
    }

    public Path jar() {
        return dir.resolve(JAR);
    }

    public List<Path> libs() {
        try (Stream<Path> s = Files.list(dir.resolve("lib"))) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module directory of one function, if the slice module ships per-function jars. */
    public Optional<Path> functionModule(String configName) {
        Path p = dir.resolve("functions").resolve(configName);
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * How slice images and packages are made from the artifacts (SliceImageBuilder's Dockerfile, AppPackageWriter's
     * AppD). Part of the digest: change it with the recipe, so that images and packages made the old way are stale
     * even when the jars are the same. 2: static CDS archive, the write-ahead log in MEC_DATA_DIR, restartOnFailure.
     */
    static final String RECIPE = "2";

    /**
     * SHA-256 over the core (jar and libs) and the {@link #RECIPE}: an image or package built from other artifacts,
     * or another way, is stale. Hashing
     * megabytes of jars took ~100 ms of every slicing request's step 05, so the digest is remembered for as long as
     * no file's name, size or modification time changes.
     */
    public String digest() {
        List<Path> files = Stream.concat(Stream.of(jar()), libs().stream()).toList();
        String stamp = stamp(files);
        return DIGESTS.compute(dir.toAbsolutePath(), (k, known) ->
                known != null && known.stamp().equals(stamp) ? known : new Digest(stamp, sha256(files))).value();
    }

    private record Digest(String stamp, String value) {
    }

    private static final java.util.concurrent.ConcurrentMap<Path, Digest> DIGESTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String stamp(List<Path> files) {
        StringBuilder b = new StringBuilder();
        try {
            for (Path p : files) {
                b.append(p.getFileName()).append(':').append(Files.size(p)).append(':')
                        .append(Files.getLastModifiedTime(p).toMillis()).append(';');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    private static String sha256(List<Path> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("recipe " + RECIPE + ";").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (Path p : files) {
                md.update(p.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(p)) {
                    md.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
