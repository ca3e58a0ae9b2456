package org.edgeslice.mep.subscription;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.edgeslice.support.problem.ProblemException;

/**
 * Validates a subscription's {@code callbackReference}: an absolute http(s) URI. By default it must also be on
 * loopback, because every ME App of this deployment runs on the MEC host's loopback and the platform must not be
 * usable to make requests into other networks on an app's behalf (configuration
 * {@code mep.notifications.loopback-only}).
 */
public final class CallbackReferences {

    private CallbackReferences() {
    }

    public static String validate(String callbackReference, boolean loopbackOnly) {
        if (callbackReference == null || callbackReference.isBlank()) {
            throw ProblemException.badRequest("callbackReference is required");
        }
        URI uri;
        try {
            uri = new URI(callbackReference);
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest("callbackReference is not a URI: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw ProblemException.badRequest("callbackReference must be an absolute http or https URI with a host");
        }
        if (loopbackOnly && !isLoopback(uri.getHost())) {
            throw ProblemException.badRequest("callbackReference must be on loopback (127.0.0.0/8, [::1] or localhost)"
                    + " on this platform");
        }
        return callbackReference;
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
    }
}
