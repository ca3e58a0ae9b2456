package org.edgeslice.onem2m.procedure;

import org.edgeslice.onem2m.resource.Resource;

/**
 * The resolved target of a request: a real resource, or one of the virtual resources {@code la}/{@code ol} of a
 * container (TS-0001 §9.6.27, §9.6.28), in which case {@code resource} is the container.
 */
public record Target(Resource resource, Virtual virtual) {
    /** Which virtual child, if any. */
    public enum Virtual { NONE, LATEST, OLDEST }

    public boolean isVirtual() {
        return virtual != Virtual.NONE;
    }
}
