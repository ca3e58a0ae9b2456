package org.edgeslice.meapp.mp1;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.edgeslice.contract.mec011.AppInfo;
import org.edgeslice.contract.mec011.AppReadyConfirmation;
import org.edgeslice.contract.mec011.AppTerminationConfirmation;
import org.edgeslice.contract.mec011.AppTerminationNotificationSubscription;
import org.edgeslice.contract.mec011.FilteringCriteria;
import org.edgeslice.contract.mec011.OperationActionType;
import org.edgeslice.contract.mec011.SerAvailabilityNotificationSubscription;
import org.edgeslice.contract.mec011.ServiceInfo;
import org.edgeslice.contract.mec011.ServiceInfoPost;
import org.edgeslice.contract.mec011.SubscriptionLinkList;
import org.edgeslice.meapp.http.BlockingHttp;
import org.edgeslice.meapp.json.RecordJson;

/**
 * Client of the MEC platform's Mp1 APIs for one ME App instance (ETSI GS MEC 011 v3.x: {@code mec_app_support/v2},
 * {@code mec_service_mgmt/v1}). Blocking HTTP/1.1 calls with keep-alive ({@link BlockingHttp}); every call
 * carries a bearer token from {@link AccessTokenSource} when credentials are configured, and is retried once with a
 * fresh token on 401. Errors surface as {@link Mp1Exception} carrying the status and the platform's ProblemDetails.
 * Thread-safe.
 */
public final class Mp1Client {
    static final String APP_SUPPORT = "/mec_app_support/v2";
    static final String SERVICE_MGMT = "/mec_service_mgmt/v1";

    private final Mp1Settings settings;
    private final AccessTokenSource tokens;
    private final Duration timeout;

    public Mp1Client(Mp1Settings settings) {
        this(settings, Clock.systemUTC(), Duration.ofSeconds(15));
    }

    public Mp1Client(Mp1Settings settings, Clock clock, Duration timeout) {
        if (settings.mp1Url() == null || settings.appInstanceId() == null) {
            throw new IllegalArgumentException("MEC_MP1_URL and MEC_APP_INSTANCE_ID are required for Mp1");
        }
        this.settings = settings;
        this.timeout = timeout;
        this.tokens = settings.hasCredentials()
                ? new AccessTokenSource(settings.mp1Url(), settings.clientId(), settings.clientSecret(), clock, timeout)
                : null;
    }

    public Mp1Settings settings() {
        return settings;
    }

    /** The token source, or null when no credentials are configured. */
    public AccessTokenSource tokens() {
        return tokens;
    }

    private String app() {
        return "/applications/" + settings.appInstanceId();
    }

    // ---- mec_app_support/v2 -----------------------------------------------------------------------------------

    /** ETSI GS MEC 011 v3.x clause 7.2.13, registrations POST: 201 + the registered AppInfo. */
    public AppInfo register(AppInfo info) {
        return read(call("POST", APP_SUPPORT + "/registrations", info, Set.of(201, 200)), AppInfo.class);
    }

    /** ETSI GS MEC 011 v3.x clause 7.2.14, registration PUT: 204. */
    public void updateRegistration(AppInfo info) {
        call("PUT", APP_SUPPORT + "/registrations/" + settings.appInstanceId(), info, Set.of(204, 200));
    }

    /** ETSI GS MEC 011 v3.x clause 7.2.14, registration GET. */
    public AppInfo registration() {
        return read(call("GET", APP_SUPPORT + "/registrations/" + settings.appInstanceId(), null, Set.of(200)),
                AppInfo.class);
    }

    /** ETSI GS MEC 011 v3.x clause 7.2.14, registration DELETE: 204. */
    public void deregister() {
        call("DELETE", APP_SUPPORT + "/registrations/" + settings.appInstanceId(), null, Set.of(204, 200));
    }

    /**
     * Registers, or updates the registration if the platform already has one (409, e.g. the app restarted):
     * registration is then idempotent from the app's point of view.
     */
    public AppInfo registerOrUpdate(AppInfo info) {
        try {
            return register(info);
        } catch (Mp1Exception e) {
            if (e.status() != 409) {
                throw e;
            }
            updateRegistration(info);
            return registration();
        }
    }

    /** ETSI GS MEC 011 clause 7.2.10, confirm_ready POST {@code {"indication":"READY"}}: 204. */
    public void confirmReady() {
        call("POST", APP_SUPPORT + app() + "/confirm_ready", new AppReadyConfirmation("READY"), Set.of(204, 200));
    }

    /** ETSI GS MEC 011 clause 7.2.11, confirm_termination POST: 204. */
    public void confirmTermination(OperationActionType action) {
        call("POST", APP_SUPPORT + app() + "/confirm_termination", new AppTerminationConfirmation(action),
                Set.of(204, 200));
    }

    /** ETSI GS MEC 011 clause 7.2.8, subscriptions POST (AppTerminationNotificationSubscription): 201 + Location. */
    public Mp1Subscription subscribeAppTermination(String callbackReference) {
        var body = new AppTerminationNotificationSubscription(AppTerminationNotificationSubscription.TYPE,
                callbackReference, null, settings.appInstanceId());
        BlockingHttp.Reply r = call("POST", APP_SUPPORT + app() + "/subscriptions", body, Set.of(201));
        var created = read(r, AppTerminationNotificationSubscription.class);
        return new Mp1Subscription(location(r, created == null || created.links() == null || created.links().self() == null
                ? null : created.links().self().href()), AppTerminationNotificationSubscription.TYPE, callbackReference);
    }

    /** ETSI GS MEC 011 clause 7.2.8.3.1, app support subscriptions GET: this app's subscriptions (href, type). */
    public List<Mp1Subscription> appSupportSubscriptions() {
        return subscriptionList(APP_SUPPORT + app() + "/subscriptions");
    }

    /** ETSI GS MEC 011 clause 8.2.8.3.1, service management subscriptions GET. */
    public List<Mp1Subscription> serviceSubscriptions() {
        return subscriptionList(SERVICE_MGMT + app() + "/subscriptions");
    }

    private List<Mp1Subscription> subscriptionList(String path) {
        BlockingHttp.Reply r = call("GET", path, null, Set.of(200));
        SubscriptionLinkList list = read(r, SubscriptionLinkList.class);
        if (list == null || list.links() == null || list.links().subscriptions() == null) {
            return List.of();
        }
        return list.links().subscriptions().stream().filter(s -> s.href() != null)
                .map(s -> new Mp1Subscription(r.uri().resolve(s.href()).toString(), s.rel(), null)).toList();
    }

    /** ETSI GS MEC 011 clause 7.2.9 / 8.2.9, individual subscription DELETE (either API): 204. */
    public void unsubscribe(Mp1Subscription subscription) {
        callUri("DELETE", URI.create(subscription.href()), null, Set.of(204, 200));
    }

    // ---- mec_service_mgmt/v1 ----------------------------------------------------------------------------------

    /** ETSI GS MEC 011 clause 8.2.6.3.4, app services POST: 201 + the ServiceInfo with serInstanceId. */
    public ServiceInfo registerService(ServiceInfoPost service) {
        return read(call("POST", SERVICE_MGMT + app() + "/services", service, Set.of(201)), ServiceInfo.class);
    }

    /** ETSI GS MEC 011 clause 8.2.7.3.2, app service PUT: 200 + the updated ServiceInfo. */
    public ServiceInfo updateService(ServiceInfo service) {
        Objects.requireNonNull(service.serInstanceId(), "serInstanceId");
        return read(call("PUT", SERVICE_MGMT + app() + "/services/" + service.serInstanceId(), service, Set.of(200)),
                ServiceInfo.class);
    }

    /** ETSI GS MEC 011 clause 8.2.7.3.5, app service DELETE: 204. */
    public void deleteService(String serInstanceId) {
        call("DELETE", SERVICE_MGMT + app() + "/services/" + serInstanceId, null, Set.of(204, 200));
    }

    /** ETSI GS MEC 011 clause 8.2.3.3.1, services GET (discovery). */
    public List<ServiceInfo> discover(ServiceQuery query) {
        return readList(call("GET", SERVICE_MGMT + "/services" + query.toQueryString(), null, Set.of(200)),
                ServiceInfo.class);
    }

    /** ETSI GS MEC 011 clause 8.2.5.3.1, app services GET: this app's own services. */
    public List<ServiceInfo> ownServices(ServiceQuery query) {
        return readList(call("GET", SERVICE_MGMT + app() + "/services" + query.toQueryString(), null, Set.of(200)),
                ServiceInfo.class);
    }

    /** ETSI GS MEC 011 clause 8.2.4.3.1, individual service GET; 404 → {@link Mp1Exception} with status 404. */
    public ServiceInfo service(String serInstanceId) {
        return read(call("GET", SERVICE_MGMT + "/services/" + serInstanceId, null, Set.of(200)), ServiceInfo.class);
    }

    /** ETSI GS MEC 011 clause 8.2.8.3.4, subscriptions POST (SerAvailabilityNotificationSubscription): 201. */
    public Mp1Subscription subscribeServiceAvailability(String callbackReference, FilteringCriteria filter) {
        var body = new SerAvailabilityNotificationSubscription(SerAvailabilityNotificationSubscription.TYPE,
                callbackReference, null, filter);
        BlockingHttp.Reply r = call("POST", SERVICE_MGMT + app() + "/subscriptions", body, Set.of(201));
        var created = read(r, SerAvailabilityNotificationSubscription.class);
        return new Mp1Subscription(location(r, created == null || created.links() == null || created.links().self() == null
                ? null : created.links().self().href()), SerAvailabilityNotificationSubscription.TYPE, callbackReference);
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    private String location(BlockingHttp.Reply r, String selfHref) {
        String loc = r.location().orElse(selfHref);
        if (loc == null) {
            throw new Mp1Exception(r.method() + " " + r.uri(), r.status(),
                    "created without Location or _links.self");
        }
        return r.uri().resolve(loc).toString();
    }

    private BlockingHttp.Reply call(String method, String path, Object body, Set<Integer> ok) {
        return callUri(method, URI.create(settings.mp1Url() + path), body, ok);
    }

    private BlockingHttp.Reply callUri(String method, URI uri, Object body, Set<Integer> ok) {
        String op = method + " " + uri.getPath();
        byte[] json = body == null ? null : RecordJson.write(body);
        BlockingHttp.Reply r = send(op, method, uri, json, false);
        if (r.status() == 401 && tokens != null) {
            tokens.invalidate();
            r = send(op, method, uri, json, true);
        }
        if (!ok.contains(r.status())) {
            throw new Mp1Exception(op, r.status(), problem(r.body()));
        }
        return r;
    }

    private BlockingHttp.Reply send(String op, String method, URI uri, byte[] json, boolean retry) {
        Map<String, String> headers = tokens == null ? Map.of() : Map.of("Authorization", "Bearer " + tokens.token());
        try {
            return BlockingHttp.exchange(method, uri, json, "application/json", timeout, headers);
        } catch (IOException e) {
            throw new Mp1Exception(op + (retry ? " (retry)" : ""), e);
        }
    }

    private static String problem(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            if (RecordJson.read(body, Object.class) instanceof Map<?, ?> problem
                    && problem.get("detail") instanceof String detail) {
                return detail;
            }
        } catch (IOException ignored) {
            // not JSON: return the text as it is
        }
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 500 ? s.substring(0, 500) + "..." : s;
    }

    private static <T> T read(BlockingHttp.Reply r, Class<T> type) {
        if (r.body() == null || r.body().length == 0) {
            return null;
        }
        try {
            return RecordJson.read(r.body(), type);
        } catch (IOException e) {
            throw new Mp1Exception(r.method() + " " + r.uri().getPath() + " (unreadable answer)",
                    r.status(), e.getMessage());
        }
    }

    private static <T> List<T> readList(BlockingHttp.Reply r, Class<T> type) {
        try {
            return r.body() == null || r.body().length == 0 ? List.of() : RecordJson.readList(r.body(), type);
        } catch (IOException e) {
            throw new Mp1Exception(r.method() + " " + r.uri().getPath() + " (unreadable answer)",
                    r.status(), e.getMessage());
        }
    }

}
