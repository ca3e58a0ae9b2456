package org.edgeslice.cloud.infrastructure;

import jakarta.ws.rs.core.UriInfo;

/**
 * The cloud platform's base URL as others reach it (MEO notifications, package downloads, slice notifications):
 * {@code cloud.callback.url} if set, else the base of the request that started the work (the port it arrived on;
 * the platform listens on loopback only).
 */
public final class CallbackBase {

    private CallbackBase() {
    }

    public static String of(UriInfo uri, CloudSettings settings) {
        return settings.callbackUrl().orElseGet(() -> {
            String base = uri.getBaseUri().toString();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        });
    }
}
