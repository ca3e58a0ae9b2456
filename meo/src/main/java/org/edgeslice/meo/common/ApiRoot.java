package org.edgeslice.meo.common;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The MEO's own apiRoot (e.g. {@code http://127.0.0.1:18080/meo}), used in the {@code _links} of resources
 * and notifications. Configured by {@code meo.api-root}; otherwise learned from the first request served.
 */
public final class ApiRoot {

    private final AtomicReference<String> value = new AtomicReference<>();

    public ApiRoot(String configured) {
        if (configured != null && !configured.isBlank()) {
            value.set(strip(configured));
        }
    }

    public void learn(String observed) {
        value.compareAndSet(null, strip(observed));
    }

    public String get() {
        String v = value.get();
        return v == null ? "http://127.0.0.1:18080/meo" : v;
    }

    public String href(String relative) {
        return get() + "/" + (relative.startsWith("/") ? relative.substring(1) : relative);
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
