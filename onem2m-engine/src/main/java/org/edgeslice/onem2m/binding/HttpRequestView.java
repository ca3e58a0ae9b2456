package org.edgeslice.onem2m.binding;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as any server framework can supply it: method, raw path (still percent-encoded), raw query
 * string (may be null), headers (names matched case-insensitively), body (never null; empty when none).
 */
public record HttpRequestView(String method, String rawPath, String rawQuery, Map<String, String> headers,
                              byte[] body) {

    public HttpRequestView {
        TreeMap<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            ci.putAll(headers);
        }
        headers = Collections.unmodifiableMap(ci);
        body = body == null ? new byte[0] : body;
    }

    /** @return the header value, or null when absent */
    public String header(String name) {
        return headers.get(name);
    }
}
