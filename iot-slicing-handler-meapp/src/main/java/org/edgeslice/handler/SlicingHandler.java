package org.edgeslice.handler;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.edgeslice.contract.mec011.AppInfo;
import org.edgeslice.contract.mec011.CategoryRef;
import org.edgeslice.contract.mec011.EndPointInfo;
import org.edgeslice.contract.mec011.FilteringCriteria;
import org.edgeslice.contract.mec011.LocalityType;
import org.edgeslice.contract.mec011.OperationActionType;
import org.edgeslice.contract.mec011.SerializerType;
import org.edgeslice.contract.mec011.ServiceInfoPost;
import org.edgeslice.contract.mec011.ServiceState;
import org.edgeslice.contract.mec011.TransportInfo;
import org.edgeslice.contract.mec011.TransportType;
import org.edgeslice.handler.config.HandlerConfig;
import org.edgeslice.handler.http.DeviceApi;
import org.edgeslice.handler.http.HandlerHttpServer;
import org.edgeslice.handler.iscl.HttpIsclClient;
import org.edgeslice.handler.iscl.IsclClient;
import org.edgeslice.handler.platform.SliceDirectory;
import org.edgeslice.handler.procedure.SlicingProcedure;
import org.edgeslice.handler.slice.SliceTable;
import org.edgeslice.handler.store.HandlerStore;
import org.edgeslice.meapp.mp1.MecAppSession;
import org.edgeslice.meapp.mp1.Mp1Client;
import org.edgeslice.meapp.mp1.Mp1Notifications;

/**
 * The running handler: store, slice table, procedure, HTTP server and, on a MEC host, its Mp1 session (register,
 * register the device-facing service {@value #SERVICE_NAME}, subscribe to the slices' service availability and to
 * termination, confirm ready).
 */
public final class SlicingHandler implements AutoCloseable {
    public static final String SERVICE_NAME = "iot-slicing-handler";
    public static final String APP_NAME = "iot-slicing-handler";
    private static final System.Logger LOG = System.getLogger(SlicingHandler.class.getName());

    private final HandlerStore store;
    private final SlicingProcedure procedure;
    private final HandlerHttpServer server;
    private final DeviceApi api;
    private MecAppSession session;

    private SlicingHandler(HandlerStore store, SlicingProcedure procedure, HandlerHttpServer server, DeviceApi api) {
        this.store = store;
        this.procedure = procedure;
        this.server = server;
        this.api = api;
    }

    public static SlicingHandler start(HandlerConfig config, Clock clock, Consumer<OperationActionType> onTerminated)
            throws InterruptedException {
        return start(config, new HttpIsclClient(config.isclUrl(), config.isclTimeout(), config.redirectDataRate()),
                clock, onTerminated);
    }

    public static SlicingHandler start(HandlerConfig config, IsclClient iscl, Clock clock,
                                       Consumer<OperationActionType> onTerminated) throws InterruptedException {
        HandlerStore store = HandlerStore.open(config.dataDir(), config.fsync());
        SliceTable table = new SliceTable(store, store.slices());
        SlicingProcedure procedure = new SlicingProcedure(store, table, iscl, clock, config.hostId(),
                config.mp1().appInstanceId(), config.sliceIdle(), config.workers());
        Mp1Notifications notifications = new Mp1Notifications();
        HandlerHttpServer.DeviceApiRef ref = new HandlerHttpServer.DeviceApiRef();
        HandlerHttpServer server;
        try {
            server = HandlerHttpServer.start(config.bind(), config.port(), ref, 1);
        } catch (InterruptedException | RuntimeException e) {
            procedure.close();
            store.close();
            throw e;
        }
        DeviceApi api = new DeviceApi(procedure, notifications, config.apiPrefix(), config.publicUrl(server.port()), clock);
        ref.set(api);
        SlicingHandler h = new SlicingHandler(store, procedure, server, api);
        procedure.resumeAfterRestart();
        if (config.usesMp1()) {
            h.connect(config, notifications, table, clock, onTerminated);
        }
        LOG.log(Level.INFO, "slicing handler at {0}{1} (ISCL {2}, state {3}, {4} request(s), {5} slice(s))",
                api.apiRoot(), DeviceApi.API, config.isclUrl(), store.file(), procedure.list().size(),
                table.all().size());
        return h;
    }

    private void connect(HandlerConfig config, Mp1Notifications notifications, SliceTable table, Clock clock,
                         Consumer<OperationActionType> onTerminated) {
        api.platformStatus("STARTING");
        Mp1Client client = new Mp1Client(config.mp1());
        SliceDirectory directory = new SliceDirectory(client, table, procedure, config.sliceCategory(), clock);
        String ownUrl = "http://" + config.bind() + ":" + server.port();
        session = MecAppSession.builder(client, notifications, ownUrl)
                .appInfo(new AppInfo(APP_NAME, "edgeslice", null, null, null, null, null, null, null, null, null, null))
                .service(serviceInfo(api.apiRoot() + DeviceApi.API))
                .serviceAvailability(new FilteringCriteria(null, null,
                        List.of(new CategoryRef(null, config.sliceCategory(), "oneM2M common service function", null)),
                        null, null), directory::onNotification)
                .afterTerminationConfirmed(onTerminated)
                .build().start();
        try {
            directory.reconcile();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "initial slice discovery failed (notifications will still update the table): {0}",
                    e.getMessage());
        }
        api.platformStatus("READY");
    }

    /** The device-facing MEC service (ETSI GS MEC 011 ServiceInfo), endpoint = the device API's root. */
    static ServiceInfoPost serviceInfo(String endpoint) {
        TransportInfo transport = new TransportInfo("rest-http", "REST over HTTP",
                "IoT slicing handler device API (project API iot_slicing/v1)", TransportType.REST_HTTP, "HTTP", "1.1",
                EndPointInfo.ofUri(endpoint), null);
        return new ServiceInfoPost(null, SERVICE_NAME, new CategoryRef(null, "iot-slicing", "IoT service slicing", "v1"),
                "1", ServiceState.ACTIVE, null, transport, SerializerType.JSON, LocalityType.MEC_HOST, false, true,
                null);
    }

    public int port() {
        return server.port();
    }

    public String apiRoot() {
        return api.apiRoot();
    }

    public SlicingProcedure procedure() {
        return procedure;
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
        server.close();
        procedure.close();
        store.close();
    }
}
