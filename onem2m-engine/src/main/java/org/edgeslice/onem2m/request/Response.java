package org.edgeslice.onem2m.request;

import com.fasterxml.jackson.databind.JsonNode;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.ResponseStatusCode;

/**
 * A oneM2M response primitive (TS-0004 §6.3.3).
 *
 * @param rsc     Response Status Code
 * @param content the body, or null for none
 * @param location structured CSE-relative address of a created resource (for {@code Content-Location}), or null
 */
public record Response(ResponseStatusCode rsc, JsonNode content, String location) {

    public static Response of(ResponseStatusCode rsc, JsonNode content) {
        return new Response(rsc, content, null);
    }

    /** An error with the {@code m2m:dbg} text ACME and the recipes use. */
    public static Response error(ResponseStatusCode rsc, String message) {
        return new Response(rsc, Json.object().put("m2m:dbg", message == null ? rsc.name() : message), null);
    }
}
