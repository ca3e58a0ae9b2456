package org.edgeslice.meo.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.edgeslice.contract.mec010.host.MecHostInfo;

/**
 * Subscribes the MEO's Mm3 callback at a newly registered MEPM, in the background and with a few retries. The
 * MEO also polls the MEPM's op occurrences, so a missing subscription slows it down but does not stop it.
 */
@ApplicationScoped
public class Mm3Subscriber {

    private static final Logger LOG = Logger.getLogger(Mm3Subscriber.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RestMepmGateway mepm;

    public void subscribeLater(MecHostInfo host, String meoBaseUri) {
        String callback = (meoBaseUri.endsWith("/") ? meoBaseUri : meoBaseUri + "/") + "mm3/v1/notifications";
        attempt(host, callback, 1);
    }

    private void attempt(MecHostInfo host, String callback, int n) {
        scheduler.schedule(() -> {
            try {
                mepm.subscribe(host, callback);
                LOG.info(() -> "subscribed " + callback + " at the MEPM of host " + host.hostId());
            } catch (RuntimeException e) {
                if (n < 5) {
                    attempt(host, callback, n + 1);
                } else {
                    LOG.warning(() -> "could not subscribe at the MEPM of host " + host.hostId() + ": " + e.getMessage());
                }
            }
        }, n == 1 ? 200 : 1000L << n, TimeUnit.MILLISECONDS);
    }
}
