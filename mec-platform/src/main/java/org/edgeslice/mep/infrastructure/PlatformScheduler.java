package org.edgeslice.mep.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeslice.mep.app.AppLifecycle;
import org.edgeslice.mep.notification.NotificationDelivery;
import org.edgeslice.mep.service.ServiceRegistry;

/**
 * The platform's background work, on the server's managed scheduler: deliver due notifications, suspend services
 * whose heartbeats stopped, end termination handshakes whose maxGracefulTimeout passed. Everything it acts on is
 * in the database, so a restart resumes where the last run stopped.
 */
@Singleton
@Startup
@DependsOn("PlatformDatabase")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlatformScheduler {

    private static final Logger LOG = Logger.getLogger(PlatformScheduler.class.getName());
    /** Liveness and timeouts are in seconds; notifications are delivered at the commit that queues them. */
    private static final long PERIOD_MS = 1000;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    NotificationDelivery delivery;

    @Inject
    ServiceRegistry services;

    @Inject
    AppLifecycle lifecycle;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::tick, 1000, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void tick() {
        // each step on its own: one failing (say, the database is briefly away) must not stop the others or
        // kill the periodic task, which a thrown exception would
        run("liveness", () -> services.suspendOverdue(System.currentTimeMillis()));
        run("termination timeouts", () -> lifecycle.timeOutTerminations(System.currentTimeMillis()));
        run("notification delivery", () -> {
            // drain what is due now, in bounded batches so that the other steps keep their rhythm
            for (int batch = 0; batch < 8 && delivery.deliverDue() > 0; batch++) {
                // failures are rescheduled into the future, so each batch takes new rows
            }
        });
    }

    private static void run(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Background step '" + what + "' failed; retrying on the next tick", e);
        }
    }
}
