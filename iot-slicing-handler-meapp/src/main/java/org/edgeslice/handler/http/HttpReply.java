package org.edgeslice.handler.http;

import java.util.Map;

/** A response of the device API: status, headers, body bytes (may be empty) and its media type. */
public record HttpReply(int status, Map<String, String> headers, byte[] body, String contentType) {
    public static HttpReply empty(int status) {
        return new HttpReply(status, Map.of(), new byte[0], null);
    }
}
