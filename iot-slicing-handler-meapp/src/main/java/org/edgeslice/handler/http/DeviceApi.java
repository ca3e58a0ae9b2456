package org.edgeslice.handler.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.edgeslice.handler.procedure.SlicingProcedure;
import org.edgeslice.handler.request.DeviceRequest;
import org.edgeslice.handler.request.DeviceRequestParser;
import org.edgeslice.handler.request.InvalidRequestException;
import org.edgeslice.handler.request.RequestState;
import org.edgeslice.handler.request.SlicingRequest;
import org.edgeslice.meapp.mp1.Mp1Notifications;

/**
 * The handler's device API (project API, step 01 and 14), transport-neutral: {@link #handle} maps a request to a
 * reply. Paths below the configured prefix:
 * <ul>
 *   <li>{@code POST iot_slicing/v1/requests} → 201 + Location + the request (state PROCESSING);</li>
 *   <li>{@code GET iot_slicing/v1/requests[?deviceId=&state=]} → 200 list;</li>
 *   <li>{@code GET iot_slicing/v1/requests/{id}} → 200 | 404; {@code DELETE} → 204 | 404;</li>
 *   <li>{@code GET iot_slicing/v1/slices} → 200 the slice table; {@code GET iot_slicing/v1/health} → 200;</li>
 *   <li>{@code POST /mp1/notifications/...} → the MEC platform's notifications.</li>
 * </ul>
 * Errors are RFC 7807 ProblemDetails as {@code application/problem+json}: malformed body, unknown attribute, wrong
 * type, unknown query parameter → 400; unknown id or path → 404; wrong method → 405; non-JSON body → 415.
 */
public final class DeviceApi {
    public static final String API = "/iot_slicing/v1";
    private static final System.Logger LOG = System.getLogger(DeviceApi.class.getName());
    private static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private final SlicingProcedure procedure;
    private final Mp1Notifications notifications;
    private final String prefix;
    private final String publicBase;
    private final Clock clock;
    private volatile String platformStatus = "STANDALONE";

    /**
     * @param prefix     path prefix of the API (may be empty), e.g. /handler
     * @param publicBase the base URL clients reach this server at, e.g. http://127.0.0.1:40001 (Location headers)
     */
    public DeviceApi(SlicingProcedure procedure, Mp1Notifications notifications, String prefix, String publicBase,
                     Clock clock) {
        this.procedure = procedure;
        this.notifications = notifications;
        this.prefix = prefix == null ? "" : prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        this.publicBase = publicBase.endsWith("/") ? publicBase.substring(0, publicBase.length() - 1) : publicBase;
        this.clock = clock;
    }

    /** The apiRoot of this handler, e.g. http://127.0.0.1:40001 (+ prefix). */
    public String apiRoot() {
        return publicBase + prefix;
    }

    public void platformStatus(String status) {
        this.platformStatus = status;
    }

    public HttpReply handle(String method, String uri, String contentType, byte[] body) {
        Instant received = clock.instant();
        QueryStringDecoder q = new QueryStringDecoder(uri);
        String path = q.path();
        Map<String, List<String>> query = q.parameters();
        try {
            if (notifications != null && notifications.handles(path)) {
                return HttpReply.empty(notifications.handle(method, path, body));
            }
            if (!path.startsWith(prefix + API + "/") && !path.equals(prefix + API)) {
                throw new ApiError(404, "Not Found", "No resource at " + path);
            }
            String rel = path.substring(prefix.length() + API.length());
            if (rel.equals("/requests")) {
                return switch (method) {
                    case "POST" -> {
                        onlyParams(query, Set.of());
                        yield create(contentType, body, received);
                    }
                    case "GET" -> {
                        onlyParams(query, Set.of("deviceId", "state"));
                        yield list(query);
                    }
                    default -> throw notAllowed("GET, POST");
                };
            }
            if (rel.startsWith("/requests/") && rel.indexOf('/', "/requests/".length()) < 0) {
                String id = rel.substring("/requests/".length());
                onlyParams(query, Set.of());
                return switch (method) {
                    case "GET" -> tagged(view(procedure.get(id).orElseThrow(() -> unknown(id))));
                    case "DELETE" -> {
                        if (!procedure.delete(id)) {
                            throw unknown(id);
                        }
                        yield HttpReply.empty(204);
                    }
                    default -> throw notAllowed("GET, DELETE");
                };
            }
            if (rel.equals("/slices")) {
                onlyParams(query, Set.of());
                if (!method.equals("GET")) {
                    throw notAllowed("GET");
                }
                return json(200, procedure.table().all(), Map.of());
            }
            if (rel.equals("/health")) {
                onlyParams(query, Set.of());
                if (!method.equals("GET")) {
                    throw notAllowed("GET");
                }
                return json(200, Map.of("status", "UP", "platform", platformStatus), Map.of());
            }
            throw new ApiError(404, "Not Found", "No resource at " + path);
        } catch (ApiError e) {
            return problem(e.status, e.title, e.getMessage(), path, e.allow);
        } catch (InvalidRequestException e) {
            return problem(400, "Bad Request", e.getMessage(), path, null);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, method + " " + path + " failed", e);
            return problem(500, "Internal Server Error", "The handler could not process the request: " + e, path,
                    null);
        }
    }

    /** The longest a long poll may wait (RFC 7240 {@code Prefer: wait=N}, N capped). */
    static final int MAX_WAIT_SECONDS = 60;
    private static final Pattern WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*(\\d{1,6})");

    /** The seconds a {@code Prefer} header asks to wait (0 if it does not), capped at {@link #MAX_WAIT_SECONDS}. */
    public static int waitSeconds(String prefer) {
        if (prefer == null) {
            return 0;
        }
        Matcher m = WAIT.matcher(prefer);
        return m.find() ? Math.min(Integer.parseInt(m.group(1)), MAX_WAIT_SECONDS) : 0;
    }

    /**
     * Long poll of {@code GET requests/{id}} (If-None-Match with the current ETag and {@code Prefer: wait=N}): the
     * answer comes as soon as the request changes (200 with {@code Preference-Applied}), or 304 after N seconds
     * without a change; and the wait of {@code POST requests} with {@code Prefer: wait=N} (see
     * {@link #awaitOutcome}). Nothing blocks meanwhile: {@code answer} is called once, from the thread that saved
     * the change or from {@code timer}.
     *
     * @param current the answer the request would get now
     * @return false if this is not such a long poll (then {@code current} is the answer)
     */
    public boolean longPoll(String method, String uri, HttpReply current, String ifNoneMatch, String prefer,
                            ScheduledExecutorService timer, Consumer<HttpReply> answer) {
        int wait = waitSeconds(prefer);
        if ("POST".equals(method) && wait > 0 && current.status() == 201) {
            awaitOutcome(current, wait, timer, answer);
            return true;
        }
        String etag = current.headers().get("ETag");
        if (!"GET".equals(method) || wait <= 0 || current.status() != 200 || etag == null || !etag.equals(ifNoneMatch)) {
            return false;
        }
        String path = new QueryStringDecoder(uri).path();
        String id = path.substring(path.lastIndexOf('/') + 1);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<ScheduledFuture<?>> timeout = new AtomicReference<>();
        Runnable onChange = new Runnable() {
            @Override
            public void run() {
                if (done.compareAndSet(false, true)) {
                    ScheduledFuture<?> t = timeout.get();
                    if (t != null) {
                        t.cancel(false);
                    }
                    // not on the thread that saved the change (it holds the procedure's lock)
                    timer.execute(() -> {
                        HttpReply now = handle("GET", uri, null, new byte[0]);
                        Map<String, String> headers = new HashMap<>(now.headers());
                        headers.put("Preference-Applied", "wait=" + wait);
                        answer.accept(new HttpReply(now.status(), headers, now.body(), now.contentType()));
                    });
                }
            }
        };
        procedure.onNextChange(id, onChange); // registered before looking again: no change slips in between
        if (!etag.equals(handle("GET", uri, null, new byte[0]).headers().get("ETag"))) {
            procedure.forget(id, onChange);
            onChange.run();
            return true;
        }
        timeout.set(timer.schedule(() -> {
            if (done.compareAndSet(false, true)) {
                procedure.forget(id, onChange);
                answer.accept(new HttpReply(304, Map.of("ETag", etag, "Preference-Applied", "wait=" + wait),
                        new byte[0], null));
            }
        }, wait, TimeUnit.SECONDS));
        return true;
    }

    /**
     * {@code POST requests} with {@code Prefer: wait=N} (RFC 7240): the 201 is sent once the request is no longer
     * PROCESSING, or after N seconds as it is then. A device asking for functions a slice already holds (path 03-2,
     * milliseconds) has its endpoints in the answer to its POST, without the GETs of a long poll.
     */
    private void awaitOutcome(HttpReply created, int wait, ScheduledExecutorService timer,
                              Consumer<HttpReply> answer) {
        String location = created.headers().get("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<ScheduledFuture<?>> timeout = new AtomicReference<>();
        Runnable reply = () -> {
            ScheduledFuture<?> t = timeout.get();
            if (t != null) {
                t.cancel(false);
            }
            HttpReply now = procedure.get(id).map(r -> json(201, view(r), Map.of("Location", location,
                    "Preference-Applied", "wait=" + wait))).orElse(created); // deleted meanwhile: as created
            answer.accept(now);
        };
        Runnable onChange = new Runnable() {
            @Override
            public void run() {
                if (done.get()) {
                    return;
                }
                if (finished(id)) {
                    if (done.compareAndSet(false, true)) {
                        timer.execute(reply); // not on the thread that saved the change (it holds the procedure's lock)
                    }
                } else {
                    procedure.onNextChange(id, this); // a step of the trace: wait for the next change
                }
            }
        };
        procedure.onNextChange(id, onChange); // registered before looking: no change slips in between
        if (finished(id)) {
            procedure.forget(id, onChange);
            if (done.compareAndSet(false, true)) {
                reply.run();
            }
            return;
        }
        timeout.set(timer.schedule(() -> {
            if (done.compareAndSet(false, true)) {
                procedure.forget(id, onChange);
                reply.run();
            }
        }, wait, TimeUnit.SECONDS));
    }

    private boolean finished(String id) {
        return procedure.get(id).map(r -> r.state() != RequestState.PROCESSING).orElse(true);
    }

    /** 200 with a strong ETag of the body, which changes with every saved change of the request. */
    private static HttpReply tagged(Object body) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(body);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            return new HttpReply(200, Map.of("ETag", "\"" + Long.toHexString(crc.getValue()) + "-"
                    + Integer.toHexString(bytes.length) + "\""), bytes, "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpReply create(String contentType, byte[] body, Instant received) {
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "Unsupported Media Type", "The body must be application/json, not " + contentType);
        }
        DeviceRequest device = DeviceRequestParser.parse(body);
        SlicingRequest r = procedure.submit(device, received);
        String location = apiRoot() + API + "/requests/" + r.id();
        return json(201, view(r), Map.of("Location", location));
    }

    private HttpReply list(Map<String, List<String>> query) {
        String device = single(query, "deviceId");
        String state = single(query, "state");
        if (state != null) {
            try {
                RequestState.valueOf(state);
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, "Bad Request", "state must be one of " + List.of(RequestState.values()));
            }
        }
        return json(200, procedure.list().stream()
                .filter(r -> device == null || device.equals(r.request().deviceId()))
                .filter(r -> state == null || state.equals(r.state().name()))
                .map(this::view).toList(), Map.of());
    }

    private ObjectNode view(SlicingRequest r) {
        ObjectNode n = JSON.valueToTree(r);
        n.putObject("_links").putObject("self").put("href", apiRoot() + API + "/requests/" + r.id());
        return n;
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> v = query.get(name);
        if (v == null) {
            return null;
        }
        if (v.size() != 1 || v.get(0).isEmpty()) {
            throw new ApiError(400, "Bad Request", "query parameter " + name + " must be given once with a value");
        }
        return v.get(0);
    }

    private static void onlyParams(Map<String, List<String>> query, Set<String> allowed) {
        for (String name : query.keySet()) {
            if (!allowed.contains(name)) {
                throw new ApiError(400, "Bad Request", "Unknown query parameter '" + name + "'"
                        + (allowed.isEmpty() ? "" : " (allowed: " + allowed.stream().sorted().toList() + ")"));
            }
        }
    }

    private static ApiError unknown(String id) {
        return new ApiError(404, "Not Found", "No slicing request " + id);
    }

    private static ApiError notAllowed(String allow) {
        ApiError e = new ApiError(405, "Method Not Allowed", "Allowed: " + allow);
        e.allow = allow;
        return e;
    }

    private static HttpReply json(int status, Object body, Map<String, String> headers) {
        try {
            return new HttpReply(status, headers, JSON.writeValueAsBytes(body), "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpReply problem(int status, String title, String detail, String instance, String allow) {
        ObjectNode p = JSON.createObjectNode().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail).put("instance", instance);
        try {
            return new HttpReply(status, allow == null ? Map.of() : Map.of("Allow", allow), JSON.writeValueAsBytes(p),
                    "application/problem+json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class ApiError extends RuntimeException {
        final int status;
        final String title;
        String allow;

        ApiError(int status, String title, String detail) {
            super(detail);
            this.status = status;
            this.title = title;
        }
    }
}
