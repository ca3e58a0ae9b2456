package org.edgeslice.slice;

import java.lang.System.Logger.Level;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.edgeslice.onem2m.binding.HttpBinding;
import org.edgeslice.onem2m.function.CommonServiceFunction;
import org.edgeslice.onem2m.procedure.CseConfig;
import org.edgeslice.onem2m.procedure.CseEngine;
import org.edgeslice.onem2m.store.wal.WalResourceStore;
import org.edgeslice.slice.config.SliceConfig;
import org.edgeslice.slice.http.NettyNotificationSender;
import org.edgeslice.slice.http.SliceHttpServer;
import org.edgeslice.slice.platform.PlatformLifecycle;
import org.edgeslice.slice.platform.SliceEndpoints;

/**
 * A running IoT slice: the CSE engine on its write-ahead-logged store, the HTTP endpoints (main + one per
 * function), housekeeping, and the platform hooks. {@link #close()} stops all of it in reverse order.
 */
public final class Slice implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Slice.class.getName());

    private final SliceConfig config;
    private final PlatformLifecycle platform;
    private final WalResourceStore store;
    private final CseEngine engine;
    /** Owned here: the engine's notification service does not close the sender it was given. */
    private final NettyNotificationSender notifications = new NettyNotificationSender();
    private final SliceHttpServer server;
    private final ScheduledExecutorService housekeeping;
    private final SliceEndpoints endpoints;
    private final IdleHeapRelease idleRelease = new IdleHeapRelease(IdleHeapRelease.DEFAULT_THRESHOLD);
    private volatile boolean closed;

    private Slice(SliceConfig config, PlatformLifecycle platform) throws InterruptedException {
        this.config = config;
        this.platform = platform;
        // Netty's class loading and event loop start-up run on a second core while this thread loads Jackson,
        // replays the log and builds the engine: start-to-ready is dominated by class loading, not by work
        platform.starting(); // the Mp1 registration runs meanwhile
        CompletableFuture<SliceHttpServer> serverInit = CompletableFuture.supplyAsync(
                () -> new SliceHttpServer(config.ioThreads(), config.pooledBuffers()), Slice::startThread);
        try {
            this.store = WalResourceStore.open(config.dataDir(), config.fsync(), config.fsyncIntervalMillis());
        } catch (RuntimeException e) {
            serverInit.thenAccept(SliceHttpServer::close);
            throw e;
        }
        String root = config.httpRoot();
        List<String> poa = config.mainPort() > 0
                ? List.of("http://" + config.bind() + ":" + config.mainPort() + root) : List.of();
        CseConfig cse = CseConfig.defaults(config.cseId(), config.cseName())
                .withFunctions(config.functions())
                .withPointOfAccess(poa);
        cse = new CseConfig(cse.cseId(), cse.cseName(), cse.cseType(), config.adminOriginator(), cse.functions(),
                cse.supportedReleases(), cse.pointOfAccess(), cse.defaultExpiry(), cse.notificationRetries());
        this.engine = new CseEngine(cse, store, notifications);
        this.server = serverInit.join();
        int mainPort = -1;
        Map<CommonServiceFunction, Integer> bound = new EnumMap<>(CommonServiceFunction.class);
        try {
            if (config.mainPort() >= 0) {
                mainPort = server.bind(config.bind(), config.mainPort(), new HttpBinding(engine, null, root));
            }
            for (Map.Entry<CommonServiceFunction, Integer> e : config.functionPorts().entrySet()) {
                HttpBinding b = new HttpBinding(engine, SliceConfig.servedOn(e.getKey()), root);
                bound.put(e.getKey(), server.bind(config.bind(), e.getValue(), b));
            }
        } catch (RuntimeException | InterruptedException e) {
            closeQuietly();
            throw e;
        }
        this.endpoints = new SliceEndpoints(config.bind(), mainPort, bound, config.functions(), config.cseId(),
                config.cseName());
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slice-housekeeping");
            t.setDaemon(true);
            return t;
        });
        int period = Math.max(1, config.housekeepingSeconds());
        housekeeping.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.SECONDS);
        platform.ready(endpoints);
    }

    private static void startThread(Runnable r) {
        Thread t = new Thread(r, "slice-init");
        t.setDaemon(true);
        t.start();
    }

    /** Starts the slice; returns when every endpoint listens. */
    public static Slice start(SliceConfig config, PlatformLifecycle platform) throws InterruptedException {
        return new Slice(config, platform);
    }

    private void sweep() {
        try {
            int n = engine.sweepExpired();
            if (n > 0) {
                LOG.log(Level.DEBUG, "housekeeping removed {0} resources", n);
            }
            if (idleRelease.tick(server.requestsServed(), Runtime.getRuntime().totalMemory())) {
                // traffic stopped: one full collection lets the heap shrink back (IdleHeapRelease)
                System.gc();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "housekeeping failed", e);
        }
    }

    public SliceEndpoints endpoints() {
        return endpoints;
    }

    public CseEngine engine() {
        return engine;
    }

    public SliceConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        platform.terminating();
        housekeeping.shutdownNow();
        closeQuietly();
    }

    private void closeQuietly() {
        server.close();
        engine.close();
        notifications.close();
        store.close();
    }
}
