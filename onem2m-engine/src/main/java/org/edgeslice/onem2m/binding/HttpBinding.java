package org.edgeslice.onem2m.binding;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.Operation;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.function.FunctionSet;
import org.edgeslice.onem2m.procedure.CseEngine;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;

/**
 * The oneM2M HTTP binding (TS-0009), free of any server framework: {@link #handle} maps an HTTP request to a
 * request primitive (§6.2: method and {@code ty} to operation, path to {@code To}, headers and query string to
 * parameters), lets the {@link CseEngine} process it, and maps the response primitive back (§6.3, §6.6: RSC to
 * HTTP status, {@code X-M2M-RSC} on every response, {@code X-M2M-RI} echoed, {@code X-M2M-RVI},
 * {@code Content-Location} of a created resource). Every malformed request gets a oneM2M error, never a 5xx.
 *
 * <p>Paths: {@code /cse-mn/ae1} is CSE-relative {@code cse-mn/ae1}; {@code /~/id-mn/ae1} is SP-relative
 * {@code /id-mn/ae1}; {@code /_/sp/id-mn/ae1} is absolute {@code //sp/id-mn/ae1} (TS-0009 §6.2.2.1). An optional
 * root (e.g. {@code /onem2m}) is stripped first.
 */
public final class HttpBinding {
    private static final System.Logger LOG = System.getLogger(HttpBinding.class.getName());
    private static final String JSON = "application/json";
    private static final String ONEM2M_JSON = "application/vnd.onem2m-res+json";

    private final CseEngine engine;
    private final FunctionSet servedHere;
    private final String root;
    private final String defaultRelease;

    /**
     * @param servedHere the functions this endpoint serves (requests for other held functions get 4005), or null
     *                   for every function the CSE holds
     * @param root       path prefix the CSE is served under, e.g. {@code /onem2m}; empty for none
     */
    public HttpBinding(CseEngine engine, FunctionSet servedHere, String root) {
        this.engine = engine;
        this.servedHere = servedHere;
        this.root = root == null || root.equals("/") ? "" : root.replaceAll("/+$", "");
        this.defaultRelease = engine.config().supportedReleases().get(engine.config().supportedReleases().size() - 1);
    }

    public HttpBinding(CseEngine engine) {
        this(engine, null, "");
    }

    public HttpResponseView handle(HttpRequestView http) {
        String ri = http.header(Onem2mHeaders.REQUEST_ID);
        String rvi = http.header(Onem2mHeaders.RELEASE_VERSION);
        Response response;
        Request request = null;
        try {
            request = toRequest(http);
            response = engine.handle(request, servedHere);
        } catch (Onem2mException e) {
            response = Response.error(e.rsc(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "HTTP binding failed", e);
            response = Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR, "internal error");
        }
        return toHttp(response, ri, rvi, request);
    }

    private Request toRequest(HttpRequestView http) {
        String ri = http.header(Onem2mHeaders.REQUEST_ID);
        if (ri == null || ri.isEmpty()) {
            throw Onem2mException.badRequest("missing X-M2M-RI");
        }
        String from = http.header(Onem2mHeaders.ORIGIN);
        if (from == null) {
            throw Onem2mException.badRequest("missing X-M2M-Origin");
        }
        String to = toTarget(http.rawPath());
        QueryParameters q = QueryParameters.parse(http.rawQuery());
        String method = http.method().toUpperCase(Locale.ROOT);
        Operation op;
        Integer ty = null;
        JsonNode content = null;
        switch (method) {
            case "GET" -> op = Operation.RETRIEVE;
            case "DELETE" -> op = Operation.DELETE;
            case "PUT", "POST" -> {
                MediaType mt = MediaType.parse(http.header(Onem2mHeaders.CONTENT_TYPE));
                ty = mt.ty;
                op = method.equals("PUT") ? Operation.UPDATE : ty != null ? Operation.CREATE : Operation.NOTIFY;
                if (op == Operation.UPDATE && ty != null) {
                    throw Onem2mException.badRequest("ty is only allowed in a CREATE");
                }
                content = Json.parse(http.body());
                if (!content.isObject()) {
                    throw Onem2mException.badRequest("the body must be a JSON object");
                }
            }
            default -> throw Onem2mException.notAllowed("HTTP method " + method + " has no oneM2M operation");
        }
        if ((op == Operation.RETRIEVE || op == Operation.DELETE) && http.body().length > 0) {
            throw Onem2mException.badRequest(op + " must not carry a body");
        }
        if (op != Operation.RETRIEVE && q.filterUsage != 0) {
            throw Onem2mException.badRequest("filter criteria are only allowed in a RETRIEVE");
        }
        return new Request(op, to, from, ri, emptyToNull(http.header(Onem2mHeaders.RELEASE_VERSION)), ty, content,
                q.resultContent, q.filterUsage, q.filter, q.identifierType);
    }

    /** TS-0009 §6.2.2.1 path to {@code To}. */
    private String toTarget(String rawPath) {
        String path = rawPath == null ? "/" : rawPath;
        if (!root.isEmpty()) {
            if (!path.equals(root) && !path.startsWith(root + "/")) {
                throw Onem2mException.notFound("not under " + root);
            }
            path = path.substring(root.length());
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Onem2mException.badRequest("malformed path");
        }
        if (decoded.startsWith("/~/")) {
            return decoded.substring(2);
        }
        if (decoded.startsWith("/_/")) {
            return "/" + decoded.substring(2);
        }
        String rel = decoded.startsWith("/") ? decoded.substring(1) : decoded;
        if (rel.isEmpty()) {
            throw Onem2mException.notFound("no target in path");
        }
        return rel;
    }

    private HttpResponseView toHttp(Response response, String ri, String requestRvi, Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(Onem2mHeaders.RESPONSE_STATUS, Integer.toString(response.rsc().code()));
        if (ri != null) {
            headers.put(Onem2mHeaders.REQUEST_ID, ri);
        }
        // echo the request's release when we support it, else our newest (it must be one of srv)
        String rvi = requestRvi != null && engine.config().supportedReleases().contains(requestRvi)
                ? requestRvi : defaultRelease;
        headers.put(Onem2mHeaders.RELEASE_VERSION, rvi);
        byte[] body = new byte[0];
        if (response.content() != null) {
            body = Json.write(response.content());
            headers.put(Onem2mHeaders.CONTENT_TYPE, JSON);
        }
        if (response.location() != null && response.rsc() == ResponseStatusCode.CREATED) {
            headers.put(Onem2mHeaders.CONTENT_LOCATION, root + "/" + response.location());
        }
        return new HttpResponseView(response.rsc().httpStatus(), headers, body);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Content-Type: a JSON media type and an optional {@code ty} parameter (TS-0009 §6.4.3). */
    private record MediaType(Integer ty) {
        static MediaType parse(String header) {
            if (header == null || header.isBlank()) {
                throw new Onem2mException(ResponseStatusCode.UNSUPPORTED_MEDIA_TYPE, "missing Content-Type");
            }
            // by hand rather than split/trim/lower-case: this runs for every CREATE and UPDATE
            int semi = header.indexOf(';');
            String type = (semi < 0 ? header : header.substring(0, semi)).trim();
            if (!asciiEqualsIgnoreCase(type, JSON) && !asciiEqualsIgnoreCase(type, ONEM2M_JSON)) {
                throw new Onem2mException(ResponseStatusCode.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported media type " + type.toLowerCase(Locale.ROOT) + " (supported: " + JSON + ", "
                                + ONEM2M_JSON + ")");
            }
            Integer ty = null;
            while (semi >= 0) {
                int next = header.indexOf(';', semi + 1);
                String p = (next < 0 ? header.substring(semi + 1) : header.substring(semi + 1, next)).trim();
                int eq = p.indexOf('=');
                if (eq > 0 && asciiEqualsIgnoreCase(p.substring(0, eq).trim(), "ty")) {
                    try {
                        ty = Integer.parseInt(p.substring(eq + 1).trim());
                    } catch (NumberFormatException e) {
                        throw Onem2mException.badRequest("invalid ty in Content-Type: " + p);
                    }
                }
                semi = next;
            }
            return new MediaType(ty);
        }

        /** Case-insensitive for ASCII letters only, as {@code toLowerCase(Locale.ROOT).equals} of a token was. */
        private static boolean asciiEqualsIgnoreCase(String s, String lower) {
            if (s.length() != lower.length()) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + ('a' - 'A'));
                }
                if (c != lower.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
