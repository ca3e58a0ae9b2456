package org.edgeslice.mep.security;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which requests need which credentials, and which app instance a path belongs to. Mp1 (both MEC 011 APIs)
 * needs an app's access token; Mm5 needs the MEPM's secret; the token endpoint needs the client credentials it
 * checks itself.
 */
public final class AccessPolicy {

    public enum Guard { MP1, MM5, NONE }

    private static final Pattern OWNED = Pattern.compile(
            "^(?:mec_app_support/v2/(?:applications|registrations)|mec_service_mgmt/v1/applications)/([^/]+)(?:/.*)?$");

    private AccessPolicy() {
    }

    /** @param path the request path relative to the application root, without a leading slash */
    public static Guard guardOf(String path) {
        if (path.startsWith("mm5/")) {
            return Guard.MM5;
        }
        if (path.startsWith("mec_app_support/") || path.startsWith("mec_service_mgmt/")) {
            return Guard.MP1;
        }
        return Guard.NONE;
    }

    /** The app instance whose resource the path names, if any ({@code applications/{id}/...}, {@code registrations/{id}}). */
    public static Optional<String> ownerOf(String path) {
        Matcher m = OWNED.matcher(path);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
