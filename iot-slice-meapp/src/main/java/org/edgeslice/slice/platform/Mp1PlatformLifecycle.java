package org.edgeslice.slice.platform;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.edgeslice.contract.mec011.AppInfo;
import org.edgeslice.contract.mec011.CategoryRef;
import org.edgeslice.contract.mec011.EndPointInfo;
import org.edgeslice.contract.mec011.LocalityType;
import org.edgeslice.contract.mec011.OperationActionType;
import org.edgeslice.contract.mec011.SerializerType;
import org.edgeslice.contract.mec011.ServiceInfoPost;
import org.edgeslice.contract.mec011.ServiceState;
import org.edgeslice.contract.mec011.TransportInfo;
import org.edgeslice.contract.mec011.TransportType;
import org.edgeslice.meapp.mp1.MecAppSession;
import org.edgeslice.meapp.mp1.Mp1CallbackServer;
import org.edgeslice.meapp.mp1.Mp1Client;
import org.edgeslice.meapp.mp1.Mp1Notifications;
import org.edgeslice.meapp.mp1.Mp1Settings;
import org.edgeslice.onem2m.function.CommonServiceFunction;

/**
 * The slice as an ME App on a MEC platform (ETSI GS MEC 011 Mp1, through {@code mec-app-client}): when the
 * endpoints listen it registers, subscribes to AppTerminationNotification, registers one MEC service per function
 * ({@code onem2m-registration}, {@code onem2m-retrieve}, {@code onem2m-subscription}, {@code onem2m-notification},
 * and {@code onem2m-cse} for the main endpoint; category {@value #CATEGORY}, whose {@code href} names this app's
 * registration so consumers can group the services by slice) and confirms ready. On AppTerminationNotification it
 * runs the final sync ({@link #onTermination}: the pending notifications to the cloud are delivered), confirms
 * termination, then runs the exit action. If the slice stops on its own, its services and subscriptions are
 * withdrawn.
 */
public final class Mp1PlatformLifecycle implements PlatformLifecycle {
    public static final String CATEGORY = "onem2m-csf";
    public static final String SERVICE_PREFIX = "onem2m-";
    private static final System.Logger LOG = System.getLogger(Mp1PlatformLifecycle.class.getName());

    private final Mp1Settings settings;
    private final String httpRoot;
    private final String callbackBind;
    private volatile Runnable finalSync = () -> { };
    private volatile Consumer<OperationActionType> exit = a -> { };
    private final String cseId;
    private final String cseName;
    private volatile Mp1CallbackServer callbacks;
    private CompletableFuture<MecAppSession> registration;
    private MecAppSession session;

    /**
     * @param httpRoot     path prefix of the slice's oneM2M API (part of the announced endpoint URIs)
     * @param callbackBind address of the notification callback server (loopback)
     */
    public Mp1PlatformLifecycle(Mp1Settings settings, String httpRoot, String callbackBind, String cseId,
                                String cseName) {
        if (!settings.hasPlatform()) {
            throw new IllegalArgumentException("MEC_MP1_URL and MEC_APP_INSTANCE_ID are required for SLICE_PLATFORM=mp1");
        }
        this.settings = settings;
        this.httpRoot = httpRoot == null ? "" : httpRoot;
        this.callbackBind = callbackBind;
        this.cseId = cseId;
        this.cseName = cseName;
    }

    /**
     * What to do when the platform announces termination: {@code finalSync} runs before confirm_termination (bounded
     * by the notification's maxGracefulTimeout), {@code exit} after it.
     */
    public Mp1PlatformLifecycle onTermination(Runnable finalSync, Consumer<OperationActionType> exit) {
        this.finalSync = finalSync;
        this.exit = exit;
        return this;
    }

    /**
     * The registration (token, AppInfo, AppTermination subscription) runs while the slice sets up its CSE and
     * binds its endpoints: it announces nothing, and on a new start it is about half of the Mp1 round trips.
     */
    @Override
    public synchronized void starting() {
        if (registration == null) {
            registration = CompletableFuture.supplyAsync(this::register, r -> {
                Thread t = new Thread(r, "mp1-registration");
                t.setDaemon(true);
                t.start();
            });
        }
    }

    private MecAppSession register() {
        Mp1Notifications notifications = new Mp1Notifications();
        try {
            // port "mp1" of MEC_PORTS if the MEPM allocated one, else any free loopback port
            callbacks = Mp1CallbackServer.start(callbackBind, settings.port("mp1").orElse(0), notifications);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Mp1 callback server", e);
        }
        try {
            return MecAppSession.builder(new Mp1Client(settings), notifications, callbacks.baseUrl())
                    .appInfo(new AppInfo("iot-slice", "edgeslice", null, null, null, null, null, null, null, null, null,
                            Map.of("cseId", cseId, "cseName", cseName)))
                    .beforeTerminationConfirmed(a -> finalSync.run())
                    .afterTerminationConfirmed(a -> exit.accept(a))
                    .build().register();
        } catch (RuntimeException e) {
            callbacks.close();
            throw e;
        }
    }

    @Override
    public synchronized void ready(SliceEndpoints endpoints) {
        starting();
        MecAppSession registered;
        try {
            registered = registration.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
        try {
            session = registered.confirmReady(services(endpoints));
        } catch (RuntimeException e) {
            callbacks.close();
            throw e;
        }
    }

    /** The MEC services announcing the slice's endpoints. */
    List<ServiceInfoPost> services(SliceEndpoints endpoints) {
        CategoryRef category = new CategoryRef(settings.mp1Url() + "/mec_app_support/v2/registrations/"
                + settings.appInstanceId(), CATEGORY, "oneM2M common service function", "1");
        List<ServiceInfoPost> out = new ArrayList<>();
        if (endpoints.mainPort() > 0) {
            out.add(service("cse", uri(endpoints, endpoints.mainPort()), category));
        }
        for (Map.Entry<CommonServiceFunction, Integer> e : endpoints.functionPorts().entrySet()) {
            out.add(service(e.getKey().configName(), uri(endpoints, e.getValue()), category));
        }
        return out;
    }

    private String uri(SliceEndpoints endpoints, int port) {
        String host = endpoints.bindAddress().contains(":") ? "[" + endpoints.bindAddress() + "]" : endpoints.bindAddress();
        return "http://" + host + ":" + port + httpRoot;
    }

    private static ServiceInfoPost service(String function, String uri, CategoryRef category) {
        TransportInfo transport = new TransportInfo("rest-http", "REST over HTTP",
                "oneM2M HTTP binding (TS-0009)", TransportType.REST_HTTP, "HTTP", "1.1", EndPointInfo.ofUri(uri), null);
        return new ServiceInfoPost(null, SERVICE_PREFIX + function, category, "1", ServiceState.ACTIVE, null, transport,
                SerializerType.JSON, LocalityType.MEC_HOST, false, true, null);
    }

    @Override
    public synchronized void terminating() {
        if (session != null) {
            try {
                session.close(); // no-op after a platform-announced termination
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "withdrawing the slice's services failed: {0}", e.getMessage());
            }
        }
        if (callbacks != null) {
            callbacks.close();
        }
    }
}
