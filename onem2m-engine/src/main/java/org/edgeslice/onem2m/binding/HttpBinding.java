package org.edgeslice.onem2m.binding;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.Operation;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.common.Timestamps;
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
 * <p>Request parameters beyond the primitive's core (TS-0009 §6.4): {@code X-M2M-RET} in the past is 4008
 * (malformed: 4000); {@code X-M2M-RST} and {@code X-M2M-OET} are accepted and ignored (every request is blocking
 * and executed on arrival); {@code X-M2M-VSI} is echoed; every response carries {@code X-M2M-OT}. The response
 * media type is negotiated from {@code Accept} and the request's {@code Content-Type} (JSON only: 4015 when
 * {@code Accept} admits neither JSON type). A 405 carries {@code Allow} (RFC 9110 §15.5.6).
 *
 * <p>Paths: {@code /cse-mn/ae1} is CSE-relative {@code cse-mn/ae1}; {@code /~/id-mn/ae1} is SP-relative
 * {@code /id-mn/ae1}; {@code /_/sp/id-mn/ae1} is absolute {@code //sp/id-mn/ae1} (TS-0009 §6.2.2.1). An optional
 * root (e.g. {@code /onem2m}) is stripped first.
 */
public final class HttpBinding {
    private static final System.Logger LOG = System.getLogger(HttpBinding.class.getName());
    private static final String JSON = "application/json";
    private static final String ONEM2M_JSON = "application/vnd.onem2m-res+json";
    private static final String ALL_METHODS = "GET, POST, PUT, DELETE";

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
        String mediaType = responseMediaType(http.header(Onem2mHeaders.ACCEPT),
                http.header(Onem2mHeaders.CONTENT_TYPE));
        Response response;
        try {
            if (mediaType == null) {
                mediaType = JSON; // the error itself still needs a body
                throw new Onem2mException(ResponseStatusCode.UNSUPPORTED_MEDIA_TYPE, "Accept admits none of "
                        + JSON + ", " + ONEM2M_JSON + " (the only serialization of this CSE)");
            }
            response = engine.handle(toRequest(http), servedHere);
        } catch (Onem2mException e) {
            response = Response.error(e.rsc(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "HTTP binding failed", e);
            response = Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR, "internal error");
        }
        return toHttp(response, ri, rvi, mediaType, http);
    }

    private Request toRequest(HttpRequestView http) {
        String ri = http.header(Onem2mHeaders.REQUEST_ID);
        if (ri == null || ri.isEmpty()) {
            throw Onem2mException.badRequest("missing X-M2M-RI");
        }
        String method = http.method().toUpperCase(Locale.ROOT);
        String from = http.header(Onem2mHeaders.ORIGIN);
        if (from == null) {
            // TS-0004 §7.3.5.2.1 (Release 3 on): an AE registering may leave From out, as it may send it empty,
            // and the CSE assigns a C... AE-ID; the engine decides that for "". Anything else needs an originator.
            if (!isAeCreate(method, http.header(Onem2mHeaders.CONTENT_TYPE))) {
                throw Onem2mException.badRequest("missing X-M2M-Origin");
            }
            from = "";
        }
        String ret = http.header(Onem2mHeaders.REQUEST_EXPIRATION);
        if (ret != null && requestExpired(ret, Timestamps.currentSecond())) {
            throw new Onem2mException(ResponseStatusCode.REQUEST_TIMEOUT, "request expired (X-M2M-RET " + ret + ")");
        }
        String to = toTarget(http.rawPath());
        QueryParameters q = QueryParameters.parse(http.rawQuery());
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
                if (op == Operation.UPDATE) {
                    // TS-0009 §6.4.3 asks for ty on a CREATE only; clients that send it on every write lose
                    // nothing when an UPDATE ignores it (the target's type is known)
                    ty = null;
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
                q.resultContent, q.filterUsage, q.filter, q.identifierType, http.remoteAddress());
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
        String decoded = decodePath(path);
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

    private HttpResponseView toHttp(Response response, String ri, String requestRvi, String mediaType,
                                    HttpRequestView http) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(Onem2mHeaders.RESPONSE_STATUS, Integer.toString(response.rsc().code()));
        if (ri != null) {
            headers.put(Onem2mHeaders.REQUEST_ID, ri);
        }
        // echo the request's release when we support it, else (absent, or refused with 4001) our newest: the
        // response's rvi must be one of srv
        String rvi = requestRvi != null && engine.config().supportedReleases().contains(requestRvi)
                ? requestRvi : defaultRelease;
        headers.put(Onem2mHeaders.RELEASE_VERSION, rvi);
        // TS-0004 §6.3.3: ot of the response, basic format to the second (formatted once per second)
        headers.put(Onem2mHeaders.ORIGINATING_TIMESTAMP, Timestamps.currentSecond());
        String vsi = http.header(Onem2mHeaders.VENDOR_INFORMATION);
        if (vsi != null) {
            headers.put(Onem2mHeaders.VENDOR_INFORMATION, vsi);
        }
        byte[] body = new byte[0];
        if (response.content() != null) {
            body = Json.write(response.content());
            headers.put(Onem2mHeaders.CONTENT_TYPE, mediaType);
        }
        if (response.location() != null && response.rsc() == ResponseStatusCode.CREATED) {
            headers.put(Onem2mHeaders.CONTENT_LOCATION, root + "/" + response.location());
        }
        if (response.rsc() == ResponseStatusCode.OPERATION_NOT_ALLOWED) {
            headers.put(Onem2mHeaders.ALLOW, allow(http));
        }
        return new HttpResponseView(response.rsc().httpStatus(), headers, body);
    }

    /** RFC 9110 §15.5.6: a 405 lists the methods the target does allow; all four when it does not resolve. */
    private String allow(HttpRequestView http) {
        Set<Operation> ops;
        try {
            ops = engine.allowedOperations(toTarget(http.rawPath()), servedHere);
        } catch (Onem2mException e) {
            ops = null;
        }
        if (ops == null) {
            return ALL_METHODS;
        }
        StringBuilder b = new StringBuilder(24);
        if (ops.contains(Operation.RETRIEVE)) {
            b.append("GET");
        }
        if (ops.contains(Operation.CREATE) || ops.contains(Operation.NOTIFY)) {
            b.append(b.isEmpty() ? "" : ", ").append("POST");
        }
        if (ops.contains(Operation.UPDATE)) {
            b.append(b.isEmpty() ? "" : ", ").append("PUT");
        }
        if (ops.contains(Operation.DELETE)) {
            b.append(b.isEmpty() ? "" : ", ").append("DELETE");
        }
        return b.toString();
    }

    /** Whether the request is a POST with {@code ty=2} (an AE CREATE); a Content-Type we refuse is not. */
    private static boolean isAeCreate(String method, String contentType) {
        if (!method.equals("POST") || contentType == null) {
            return false;
        }
        try {
            Integer ty = MediaType.parse(contentType).ty;
            return ty != null && ty == ResourceType.AE.ty();
        } catch (Onem2mException e) {
            return false; // the request fails for its missing originator, as before
        }
    }

    /**
     * Whether {@code X-M2M-RET} has passed (TS-0004 §6.3.2.3 Request Expiration Timestamp, TS-0009 §6.4): an
     * absolute oneM2M timestamp {@code 20200101T000000[,ffffff]} (UTC) compared to the second, or a relative
     * duration of milliseconds (as ACME accepts), expired when not positive. By hand, no regex or exception,
     * because a client may send it with every request.
     *
     * @param nowSecond the current second, {@code yyyyMMdd'T'HHmmss}
     * @throws Onem2mException BAD_REQUEST when it is neither form
     */
    static boolean requestExpired(String ret, String nowSecond) {
        String s = ret.trim();
        int n = s.length();
        if (n == 0) {
            throw Onem2mException.badRequest("empty X-M2M-RET");
        }
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (i < n && allDigits(s, i, n)) {
            // relative: more than 18 digits is far in the future (or past), beyond a long but no error
            boolean negative = s.charAt(0) == '-';
            if (n - i > 18) {
                return negative;
            }
            long ms = 0;
            for (int k = i; k < n; k++) {
                ms = ms * 10 + (s.charAt(k) - '0');
            }
            return negative || ms == 0;
        }
        if (n < 15 || !allDigits(s, 0, 8) || s.charAt(8) != 'T' || !allDigits(s, 9, 15)
                || n > 15 && (n == 16 || s.charAt(15) != ',' && s.charAt(15) != '.' || !allDigits(s, 16, n))
                || !inRange(s, 4, 1, 12) || !inRange(s, 6, 1, 31) || !inRange(s, 9, 0, 23)
                || !inRange(s, 11, 0, 59) || !inRange(s, 13, 0, 60)) {
            throw Onem2mException.badRequest("invalid X-M2M-RET " + ret
                    + " (a oneM2M timestamp yyyyMMddTHHmmss or a duration in ms)");
        }
        // fixed-width digits in the same order: text order is time order
        for (int k = 0; k < 15; k++) {
            int d = s.charAt(k) - nowSecond.charAt(k);
            if (d != 0) {
                return d < 0;
            }
        }
        return false; // this very second: not yet passed
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean inRange(String s, int at, int min, int max) {
        int v = (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
        return v >= min && v <= max;
    }

    /**
     * The media type of the response body (TS-0009 §6.4.3, Accept per RFC 9110 §12.5.1): the most preferred of
     * our two JSON types that {@code Accept} names; when it names only a range covering them ({@code *}{@code /*},
     * {@code application/*}) or is absent, the request's own type, so that a client writing
     * {@code application/vnd.onem2m-res+json} reads it back, else {@code application/json}.
     *
     * @return the type, or null when {@code Accept} admits neither (the caller answers 4015)
     */
    static String responseMediaType(String accept, String contentType) {
        String preferred = contentType != null && startsWithType(contentType, ONEM2M_JSON) ? ONEM2M_JSON : JSON;
        if (accept == null || accept.isBlank() || accept.equals("*/*")) {
            return preferred;
        }
        if (accept.equals(JSON)) {
            return JSON; // what our own clients send: no parsing
        }
        String best = null;
        float bestQ = 0;
        boolean range = false;
        int start = 0;
        int n = accept.length();
        while (start < n) {
            int comma = accept.indexOf(',', start);
            int end = comma < 0 ? n : comma;
            int semi = accept.indexOf(';', start);
            int typeEnd = semi >= 0 && semi < end ? semi : end;
            String type = accept.substring(start, typeEnd).trim();
            float q = typeEnd < end ? quality(accept.substring(typeEnd + 1, end)) : 1f;
            if (q > 0) {
                if (MediaType.asciiEqualsIgnoreCase(type, JSON) || MediaType.asciiEqualsIgnoreCase(type, ONEM2M_JSON)) {
                    if (q > bestQ) {
                        best = type.length() == JSON.length() ? JSON : ONEM2M_JSON;
                        bestQ = q;
                    }
                } else if (type.equals("*/*") || MediaType.asciiEqualsIgnoreCase(type, "application/*")) {
                    range = true;
                }
            }
            start = end + 1;
        }
        return best != null ? best : range ? preferred : null;
    }

    /** The {@code q} parameter among {@code ;}-separated media-range parameters; 1 when absent or unreadable. */
    private static float quality(String params) {
        for (String p : params.split(";")) {
            int eq = p.indexOf('=');
            if (eq > 0 && MediaType.asciiEqualsIgnoreCase(p.substring(0, eq).trim(), "q")) {
                try {
                    return Float.parseFloat(p.substring(eq + 1).trim());
                } catch (NumberFormatException e) {
                    return 1f; // RFC 9110 qvalue malformed: be lenient, as for an absent q
                }
            }
        }
        return 1f;
    }

    private static boolean startsWithType(String header, String type) {
        int n = type.length();
        int i = 0;
        while (i < header.length() && header.charAt(i) == ' ') {
            i++;
        }
        return header.regionMatches(true, i, type, 0, n)
                && (header.length() == i + n || header.charAt(i + n) == ';' || header.charAt(i + n) == ' ');
    }

    /**
     * The percent-decoded path, decoded one segment at a time (RFC 3986 §2.2, §3.3): {@code %2F} inside a segment
     * is data, not a separator. No resource name may contain {@code /} (TS-0001 §9.6.1.3.1), so such a segment
     * names nothing: 4004. A path without {@code %} is returned as it is ({@code +} is literal in a path).
     */
    private static String decodePath(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder b = new StringBuilder(path.length());
        int start = 0;
        while (true) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            String segment = path.substring(start, end);
            if (segment.indexOf('%') >= 0) {
                try {
                    segment = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw Onem2mException.badRequest("malformed path");
                }
                if (segment.indexOf('/') >= 0) {
                    throw Onem2mException.notFound("no resource is named " + segment
                            + ": a resource name cannot contain '/'");
                }
            }
            b.append(segment);
            if (slash < 0) {
                return b.toString();
            }
            b.append('/');
            start = slash + 1;
        }
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
