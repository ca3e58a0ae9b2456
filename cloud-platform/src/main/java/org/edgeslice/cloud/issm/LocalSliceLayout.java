package org.edgeslice.cloud.issm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ISSM's step 05a on a machine without a Docker Engine: instead of an image in the CSFR, the slice's artifacts
 * laid out for the MEC hosts' local-process driver, under {@code <dir>/<repository>/<tag>/} for the image reference
 * {@code <registry>/<repository>:<tag>} the package names (where the MEPM's process driver looks first):
 * {@code app.jar} and {@code lib/} (hard links to the snapshot when the file system allows, else copies, so that a
 * later snapshot does not change a running slice), {@code functions/<name>/} when the slice module ships function
 * modules, {@code image.env} with what the image's ENV would carry ({@code SLICE_FUNCTIONS}, {@code MALLOC_ARENA_MAX})
 * and {@code jvm.options} with the image ENTRYPOINT's JVM flags. A {@code digest} file names the artifacts the layout
 * was made from: a layout from other artifacts is made again, as a stale image is rebuilt.
 */
public final class LocalSliceLayout {

    static final String DIGEST_FILE = "digest";

    private LocalSliceLayout() {
    }

    /** What was laid out: the directory, and whether it was (re)made now. */
    public record Laid(Path dir, boolean made, long millis) {
    }

    public static Laid ensure(Path root, String repository, FunctionSelection functions, SliceArtifacts artifacts) {
        long t0 = System.nanoTime();
        Path dir = root.resolve(repository).resolve(functions.tag());
        String digest = artifacts.digest();
        try {
            Path known = dir.resolve(DIGEST_FILE);
            if (Files.isRegularFile(known) && Files.readString(known).trim().equals(digest)
                    && Files.isRegularFile(dir.resolve("app.jar"))) {
                return new Laid(dir, false, (System.nanoTime() - t0) / 1_000_000);
            }
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), functions.tag() + ".new-");
            link(artifacts.jar(), tmp.resolve("app.jar"));
            Path lib = Files.createDirectories(tmp.resolve("lib"));
            for (Path l : artifacts.libs()) {
                link(l, lib.resolve(l.getFileName()));
            }
            for (String f : functions.names()) {
                var module = artifacts.functionModule(f);
                if (module.isPresent()) {
                    try (Stream<Path> s = Files.walk(module.get())) {
                        for (Path p : s.toList()) {
                            Path target = tmp.resolve("functions").resolve(f).resolve(module.get().relativize(p).toString());
                            if (Files.isDirectory(p)) {
                                Files.createDirectories(target);
                            } else {
                                link(p, target);
                            }
                        }
                    }
                }
            }
            // no SLICE_DATA_DIR, as in the image: a local path would be shared by every slice process; each slice
            // keeps its write-ahead log in its own MEC_DATA_DIR
            Files.writeString(tmp.resolve("image.env"), "# what the slice image's ENV carries (ISSM)\n"
                    + "SLICE_FUNCTIONS=" + functions.sliceFunctionsValue() + "\nMALLOC_ARENA_MAX=2\n");
            List<String> flags = new ArrayList<>(SliceImageBuilder.JVM_FLAGS);
            Files.write(tmp.resolve("jvm.options"), flags);
            Files.writeString(tmp.resolve(DIGEST_FILE), digest + "\n");
            // the old layout goes only after the new one is complete: a slice starting meanwhile sees one or the other
            Path old = null;
            if (Files.exists(dir)) {
                old = Files.createTempDirectory(dir.getParent(), functions.tag() + ".old-");
                Files.delete(old);
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            if (old != null) {
                deleteTree(old);
            }
            return new Laid(dir, true, (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the slice for the local-process driver in " + dir, e);
        }
    }

    private static void link(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.createLink(to, from);
        } catch (FileSystemException | UnsupportedOperationException crossDevice) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
