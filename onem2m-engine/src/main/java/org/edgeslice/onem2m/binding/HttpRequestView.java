package org.edgeslice.onem2m.binding;

import java.util.Collections;
import java.util.Map;
import java.util.HashMap;
import java.util.Locale;

/**
 * An HTTP request as any server framework can supply it: method, raw path (still percent-encoded), raw query
 * string (may be null), headers (names matched case-insensitively; {@link #headers()} has them in lower case), body (never null; empty when none),
 * and the peer's IP address literal (null when unknown), which {@code acip} access control contexts test.
 */
public record HttpRequestView(String method, String rawPath, String rawQuery, Map<String, String> headers,
                              byte[] body, String remoteAddress) {

    /** A request whose peer address is unknown. */
    public HttpRequestView(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
        this(method, rawPath, rawQuery, headers, body, null);
    }

    public HttpRequestView {
        // lower-cased keys in a hash map: cheaper per request than a case-insensitive tree map
        if (headers instanceof LowerCaseHeaders ready) {
            headers = Collections.unmodifiableMap(ready); // built lower-case by the adapter: no second copy
        } else {
            Map<String, String> lower = new HashMap<>(headers == null ? 4 : headers.size() * 2);
            if (headers != null) {
                headers.forEach((k, v) -> lower.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
            }
            headers = Collections.unmodifiableMap(lower);
        }
        body = body == null ? new byte[0] : body;
    }

    /**
     * Headers an adapter collects with {@link #add}, which keeps the first value of a name and lower-cases names
     * once, so the view takes the map as it is instead of copying it: one map per request instead of two. The
     * adapter must not change the map after handing it to the view.
     */
    public static final class LowerCaseHeaders extends HashMap<String, String> {
        private static final long serialVersionUID = 1L;

        public LowerCaseHeaders(int expected) {
            super(Math.max(4, expected * 2));
        }

        public void add(String name, String value) {
            putIfAbsent(lowerCase(name), value);
        }
    }

    /** @return the header value (name matched case-insensitively), or null when absent */
    public String header(String name) {
        return headers.get(lowerCase(name));
    }

    /**
     * Lower-cased header names, remembered for the few names that occur (the oneM2M and standard headers): a
     * lookup of a string whose hash is known costs less than lower-casing it again for every request. Bounded,
     * so a client sending ever new header names cannot grow it.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> LOWER =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 256;

    static String lowerCase(String name) {
        String lower = LOWER.get(name);
        if (lower == null) {
            lower = name.toLowerCase(Locale.ROOT);
            if (LOWER.size() < MAX_REMEMBERED) {
                LOWER.putIfAbsent(name, lower);
            }
        }
        return lower;
    }
}
