package org.edgeslice.onem2m.binding;

import java.util.Collections;
import java.util.Map;
import java.util.HashMap;
import java.util.Locale;

/**
 * An HTTP request as any server framework can supply it: method, raw path (still percent-encoded), raw query
 * string (may be null), headers (names matched case-insensitively; {@link #headers()} has them in lower case), body (never null; empty when none).
 */
public record HttpRequestView(String method, String rawPath, String rawQuery, Map<String, String> headers,
                              byte[] body) {

    public HttpRequestView {
        // lower-cased keys in a hash map: cheaper per request than a case-insensitive tree map
        Map<String, String> lower = new HashMap<>(headers == null ? 4 : headers.size() * 2);
        if (headers != null) {
            headers.forEach((k, v) -> lower.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        }
        headers = Collections.unmodifiableMap(lower);
        body = body == null ? new byte[0] : body;
    }

    /** @return the header value (name matched case-insensitively), or null when absent */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
