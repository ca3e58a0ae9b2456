package org.edgeslice.meo.infrastructure;

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
import org.edgeslice.meo.lcm.LcmOrchestrator;
import org.edgeslice.meo.pkgm.PackageService;

/**
 * After the schema is migrated: resumes the LCM operations and package onboardings a stop interrupted, and
 * starts the notification delivery loop.
 */
@Singleton
@Startup
@DependsOn("MeoDatabase")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MeoStartup {

    private static final Logger LOG = Logger.getLogger(MeoStartup.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    LcmOrchestrator orchestrator;

    @Inject
    PackageService packages;

    @Inject
    NotificationDispatcher dispatcher;

    private ScheduledFuture<?> delivery;

    @PostConstruct
    void start() {
        int resumed = orchestrator.recover();
        packages.recover();
        LOG.info(() -> "MEO started; " + resumed + " LCM operation occurrence(s) resumed");
        delivery = scheduler.scheduleWithFixedDelay(() -> {
            try {
                dispatcher.deliverDue();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "notification delivery round failed", e);
            }
        }, 500, 1000, TimeUnit.MILLISECONDS); // a backstop: a commit that queues a notification kicks a round
    }

    @PreDestroy
    void stop() {
        if (delivery != null) {
            delivery.cancel(false);
        }
    }
}
