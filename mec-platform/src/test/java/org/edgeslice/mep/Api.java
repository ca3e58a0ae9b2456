package org.edgeslice.mep;

import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.edgeslice.testkit.Http;

/**
 * HTTP against the platform with the credentials of one caller: an app's bearer token, the MEPM's Mm5 secret,
 * or nothing.
 */
final class Api {

    static final String MM5_SECRET = System.getProperty("mep.test.mm5.secret", "mm5-secret-of-the-tests");

    private final Http http;
    private final String authorization;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Api(String base, String authorization) {
        this.http = new Http(base);
        this.authorization = authorization;
    }

    static Api anonymous(String base) {
        return new Api(base, null);
    }

    static Api bearer(String base, String token) {
        return new Api(base, "Bearer " + token);
    }

    static Api mm5(String base) {
        return bearer(base, MM5_SECRET);
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes());
    }

    Api with(String header, String value) {
        Api copy = new Api(http.uri("").toString(), authorization);
        copy.headers.putAll(headers);
        copy.headers.put(header, value);
        return copy;
    }

    Http.Reply get(String path) {
        return send(path, "GET", null, null);
    }

    Http.Reply delete(String path) {
        return send(path, "DELETE", null, null);
    }

    Http.Reply post(String path, String json) {
        return send(path, "POST", json, "application/json");
    }

    Http.Reply put(String path, String json) {
        return send(path, "PUT", json, "application/json");
    }

    Http.Reply patch(String path, String json) {
        return send(path, "PATCH", json, "application/json");
    }

    Http.Reply form(String path, String form) {
        return send(path, "POST", form, "application/x-www-form-urlencoded");
    }

    Http.Reply send(String path, String method, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(path)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        headers.forEach(b::header);
        return http.send(b);
    }
}
