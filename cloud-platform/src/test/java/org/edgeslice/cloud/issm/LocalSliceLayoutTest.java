package org.edgeslice.cloud.issm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without Docker the ISSM lays a slice out where the hosts' local-process driver looks for its image reference. */
class LocalSliceLayoutTest {

    @TempDir
    Path tmp;

    @Test
    void aFunctionSetIsLaidOutPerTagWithItsEnvironmentAndJvmFlagsAndRemadeOnlyForOtherArtifacts() throws Exception {
        Path snapshot = tmp.resolve("snapshot");
        Files.createDirectories(snapshot.resolve("lib"));
        Files.writeString(snapshot.resolve(SliceArtifacts.JAR), "jar v1");
        Files.writeString(snapshot.resolve("lib/a.jar"), "lib a");
        FunctionSelection functions = FunctionSelection.parse(List.of("registration", "retrieve"));
        Path root = tmp.resolve("artifacts");

        LocalSliceLayout.Laid first = LocalSliceLayout.ensure(root, "edgeslice/iot-slice", functions,
                SliceArtifacts.at(snapshot));
        Path dir = root.resolve("edgeslice/iot-slice").resolve(functions.tag());
        assertTrue(first.made());
        assertEquals(dir, first.dir());
        assertEquals("jar v1", Files.readString(dir.resolve("app.jar")));
        assertEquals("lib a", Files.readString(dir.resolve("lib/a.jar")));
        String env = Files.readString(dir.resolve("image.env"));
        assertTrue(env.contains("SLICE_FUNCTIONS=" + functions.sliceFunctionsValue() + "\n"), env);
        assertFalse(env.contains("SLICE_DATA_DIR"), "each slice process keeps its data in its own MEC_DATA_DIR");
        assertEquals(SliceImageBuilder.JVM_FLAGS, Files.readAllLines(dir.resolve("jvm.options")));

        assertFalse(LocalSliceLayout.ensure(root, "edgeslice/iot-slice", functions, SliceArtifacts.at(snapshot)).made(),
                "the same artifacts: kept");

        // a new build: the layout is made again, and a running slice's files (hard links) are not changed under it
        Files.delete(snapshot.resolve(SliceArtifacts.JAR));
        Files.writeString(snapshot.resolve(SliceArtifacts.JAR), "jar v2 longer");
        assertTrue(LocalSliceLayout.ensure(root, "edgeslice/iot-slice", functions, SliceArtifacts.at(snapshot)).made());
        assertEquals("jar v2 longer", Files.readString(dir.resolve("app.jar")));
        try (var left = Files.list(dir.getParent())) {
            assertEquals(List.of(functions.tag()), left.map(p -> p.getFileName().toString()).toList(),
                    "no temporary directory left behind");
        }
    }
}
