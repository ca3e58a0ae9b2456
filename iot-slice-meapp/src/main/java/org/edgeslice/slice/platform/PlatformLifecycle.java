package org.edgeslice.slice.platform;

/**
 * The slice's life cycle towards a MEC platform (ETSI GS MEC 011 Mp1: app registration, {@code confirm_ready},
 * service registration of the slice's functions, {@code confirm_termination}). The slice calls these hooks; an
 * implementation speaking Mp1 is added separately.
 */
public interface PlatformLifecycle {

    /**
     * The slice begins to start: a platform may begin what does not depend on the endpoints (its registration)
     * while the CSE is set up. Must not block.
     */
    default void starting() {
    }

    /** All endpoints listen and the CSE is ready: register with the platform and confirm ready. */
    void ready(SliceEndpoints endpoints);

    /** The slice is stopping (before the endpoints close): deregister and confirm termination. */
    void terminating();
}
