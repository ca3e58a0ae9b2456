package org.edgeslice.slice.platform;

import java.lang.System.Logger.Level;

/** No MEC platform: the slice runs on its own (a laptop, tests, the local-process driver). */
public final class StandalonePlatformLifecycle implements PlatformLifecycle {
    private static final System.Logger LOG = System.getLogger(StandalonePlatformLifecycle.class.getName());

    @Override
    public void ready(SliceEndpoints endpoints) {
        LOG.log(Level.INFO, "standalone: no MEC platform");
    }

    @Override
    public void terminating() {
        // nothing to deregister from
    }
}
