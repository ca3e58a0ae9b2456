package org.edgeslice.mepm.testapp;

import org.edgeslice.mepm.bench.BenchImages;
import org.junit.jupiter.api.Assumptions;

/** Test-only helpers around {@link BenchImages}. */
public final class TestApps {

    private TestApps() {
    }

    /**
     * Skips the calling test when no engine answers, unless {@code edgeslice.requireDocker=true} (the CI), where
     * a missing engine is a failure.
     */
    public static void assumeDocker(boolean reachable) {
        if (!reachable && Boolean.getBoolean("edgeslice.requireDocker")) {
            throw new AssertionError("edgeslice.requireDocker=true but no Docker Engine answers at "
                    + BenchImages.dockerHost());
        }
        Assumptions.assumeTrue(reachable, "no Docker Engine at " + BenchImages.dockerHost());
    }
}
