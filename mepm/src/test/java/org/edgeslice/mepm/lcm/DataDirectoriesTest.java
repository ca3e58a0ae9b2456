package org.edgeslice.mepm.lcm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoriesTest {

    @TempDir
    Path root;

    @Test
    void removesAnAppsDataDirectoryWithWhatItHolds() throws Exception {
        Path app = Files.createDirectories(root.resolve("apps/instance-1/wal"));
        Files.writeString(app.resolve("segment-1.log"), "records");
        Files.writeString(app.getParent().resolve("mec-activation.json"), "{}");
        assertTrue(DataDirectories.remove(root.resolve("apps/instance-1"), root));
        assertFalse(Files.exists(root.resolve("apps/instance-1")));
        assertTrue(Files.isDirectory(root.resolve("apps")));
    }

    @Test
    void leavesEverythingOutsideTheDataRootAndTheRootItself() throws Exception {
        Path outside = Files.createDirectories(root.resolve("elsewhere"));
        Path dataRoot = Files.createDirectories(root.resolve("data"));
        assertFalse(DataDirectories.remove(outside, dataRoot));
        assertFalse(DataDirectories.remove(dataRoot.resolve(".."), dataRoot));
        assertFalse(DataDirectories.remove(dataRoot, dataRoot));
        assertTrue(Files.isDirectory(outside) && Files.isDirectory(dataRoot));
    }

    @Test
    void aDirectoryAlreadyGoneCountsAsRemoved() {
        assertTrue(DataDirectories.remove(root.resolve("never-made"), root));
    }
}
