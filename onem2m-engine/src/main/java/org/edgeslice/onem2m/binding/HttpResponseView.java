package org.edgeslice.onem2m.binding;

import java.util.Map;

/** An HTTP response for the server framework to write: status, headers, body (empty array for none). */
public record HttpResponseView(int status, Map<String, String> headers, byte[] body) {

    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
