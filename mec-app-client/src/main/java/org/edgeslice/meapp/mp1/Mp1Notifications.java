package org.edgeslice.meapp.mp1;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.edgeslice.contract.mec011.AppTerminationNotification;
import org.edgeslice.contract.mec011.ServiceAvailabilityNotification;
import org.edgeslice.meapp.json.RecordJson;

/**
 * Receives the notifications the MEC platform POSTs to an app's {@code callbackReference}s (ETSI GS MEC 011 clause
 * 7.1.2 AppTerminationNotification, clause 8.1.4 ServiceAvailabilityNotification). Transport-neutral: an HTTP server
 * (the app's own Netty pipeline, or {@link Mp1CallbackServer}) hands over method, path and body and answers the
 * returned status. Listeners run on the given executor, never on the server's I/O thread, because a termination
 * listener does slow work (final sync, then confirm_termination); the platform gets its 204 at once.
 *
 * <p>Paths below the base path (default {@value #DEFAULT_BASE}): {@value #APP_TERMINATION},
 * {@value #SERVICE_AVAILABILITY}.
 */
public final class Mp1Notifications {
    public static final String DEFAULT_BASE = "/mp1/notifications";
    public static final String APP_TERMINATION = "/app_termination";
    public static final String SERVICE_AVAILABILITY = "/service_availability";

    private static final System.Logger LOG = System.getLogger(Mp1Notifications.class.getName());

    private final String basePath;
    private final Executor executor;
    private volatile Consumer<AppTerminationNotification> onTermination = n -> { };
    private volatile Consumer<ServiceAvailabilityNotification> onAvailability = n -> { };

    public Mp1Notifications() {
        this(DEFAULT_BASE, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mp1-notifications");
            t.setDaemon(true);
            return t;
        }));
    }

    public Mp1Notifications(String basePath, Executor executor) {
        this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        this.executor = executor;
    }

    public Mp1Notifications onAppTermination(Consumer<AppTerminationNotification> listener) {
        this.onTermination = listener;
        return this;
    }

    public Mp1Notifications onServiceAvailability(Consumer<ServiceAvailabilityNotification> listener) {
        this.onAvailability = listener;
        return this;
    }

    public String basePath() {
        return basePath;
    }

    /** Whether a request path is one of ours (the app's router checks this first). */
    public boolean handles(String path) {
        return path.equals(basePath + APP_TERMINATION) || path.equals(basePath + SERVICE_AVAILABILITY);
    }

    /** The callbackReference of a kind, given the app's own base URL ({@code http://127.0.0.1:port}). */
    public String callbackReference(String baseUrl, String kind) {
        String b = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return b + basePath + kind;
    }

    /**
     * Handles one notification request.
     *
     * @return the HTTP status to answer: 204 accepted, 400 unreadable or wrong type, 404 unknown path, 405 not POST
     */
    public int handle(String method, String path, byte[] body) {
        boolean termination = path.equals(basePath + APP_TERMINATION);
        if (!termination && !path.equals(basePath + SERVICE_AVAILABILITY)) {
            return 404;
        }
        if (!"POST".equals(method)) {
            return 405;
        }
        try {
            if (termination) {
                AppTerminationNotification n = RecordJson.read(body, AppTerminationNotification.class);
                if (n == null || !AppTerminationNotification.TYPE.equals(n.notificationType())) {
                    return 400;
                }
                Consumer<AppTerminationNotification> l = onTermination;
                executor.execute(() -> run(() -> l.accept(n)));
            } else {
                ServiceAvailabilityNotification n = RecordJson.read(body, ServiceAvailabilityNotification.class);
                if (n == null || !ServiceAvailabilityNotification.TYPE.equals(n.notificationType())) {
                    return 400;
                }
                Consumer<ServiceAvailabilityNotification> l = onAvailability;
                executor.execute(() -> run(() -> l.accept(n)));
            }
            return 204;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "unreadable Mp1 notification on {0}: {1}", path, e.getMessage());
            return 400;
        }
    }

    private static void run(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Mp1 notification listener failed", e);
        }
    }
}
