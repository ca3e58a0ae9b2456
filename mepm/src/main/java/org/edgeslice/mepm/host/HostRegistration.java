package org.edgeslice.mepm.host;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.edgeslice.contract.mec010.host.MecHostInfo;
import org.edgeslice.mepm.config.MepmSettings;
import org.edgeslice.mepm.infrastructure.Workers;
import org.edgeslice.mepm.meo.MeoClient;
import org.edgeslice.mepm.virt.Virtualisation;

/**
 * Registers the host at the MEO ({@code PUT {meo}/mec_hosts/v1/hosts/{hostId}}) at start, retried with backoff
 * until the MEO answers (it may start later), then again every minute so a restarted MEO knows the host.
 */
@Singleton
@Startup
@DependsOn("Reconciler")
public class HostRegistration {

    private static final Logger LOG = Logger.getLogger(HostRegistration.class.getName());

    @Inject
    MepmSettings settings;
    @Inject
    MeoClient meo;
    @Inject
    Virtualisation virtualisation;
    @Inject
    Workers workers;

    private final AtomicBoolean registered = new AtomicBoolean();
    private volatile ScheduledFuture<?> next;
    private volatile boolean stopped;

    @PostConstruct
    void start() {
        if (settings.registerAtMeo()) {
            schedule(0, 0);
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    public MecHostInfo info() {
        return new MecHostInfo(settings.hostId(), settings.hostName(),
                new MecHostInfo.Location(settings.latitude(), settings.longitude(), settings.zone()),
                new MecHostInfo.Capacity(settings.cpuMillis(), settings.memoryMb()), settings.apiRoot(), settings.mepUrl(),
                virtualisation.driver().endpoint(), virtualisation.driver().name());
    }

    public boolean registered() {
        return registered.get();
    }

    private void schedule(long delayMillis, int attempt) {
        if (stopped) {
            return;
        }
        next = workers.timer().schedule(() -> attempt(attempt), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void attempt(int attempt) {
        boolean ok;
        String why = "";
        try {
            ok = meo.register(info());
        } catch (RuntimeException e) {
            ok = false;
            why = e.getMessage();
        }
        if (ok) {
            if (!registered.getAndSet(true)) {
                LOG.info(() -> "host " + settings.hostId() + " registered at the MEO " + settings.meoUrl());
            }
            schedule(60_000, 0);
        } else {
            if (attempt % 10 == 0) {
                String reason = why;
                LOG.warning(() -> "registration of host " + settings.hostId() + " at " + settings.meoUrl()
                        + " failed (attempt " + (attempt + 1) + "), retrying: " + reason);
            }
            // at most 5 s apart: the host is not ready (health) until it is registered
            schedule(Math.min(5_000, 250L << Math.min(5, attempt)), attempt + 1);
        }
    }
}
