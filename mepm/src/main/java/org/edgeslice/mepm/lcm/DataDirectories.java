package org.edgeslice.mepm.lcm;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The app containers' data directories on the host (bind-mounted at MEC_DATA_DIR), removed with their instance. */
final class DataDirectories {

    private static final Logger LOG = Logger.getLogger(DataDirectories.class.getName());

    private DataDirectories() {
    }

    /**
     * Removes {@code dir} and what it holds, only if it lies below {@code root} (the MEPM's {@code mepm.data.dir}):
     * a record naming any other place is not followed. Best effort: what cannot be removed is logged and left.
     *
     * @return whether the directory is gone
     */
    static boolean remove(Path dir, Path root) {
        Path d = dir.toAbsolutePath().normalize();
        Path r = root.toAbsolutePath().normalize();
        if (!d.startsWith(r) || d.equals(r)) {
            LOG.warning(() -> "not removing " + d + ": it is not an app data directory below " + r);
            return false;
        }
        try {
            Files.walkFileTree(d, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path p, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(p);
                    return FileVisitResult.CONTINUE;
                }
            });
            return true;
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove the app data directory " + d, e);
            return false;
        }
    }
}
