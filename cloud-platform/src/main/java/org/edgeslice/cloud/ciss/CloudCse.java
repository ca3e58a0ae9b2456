package org.edgeslice.cloud.ciss;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.edgeslice.cloud.ciss.store.DurableLog;
import org.edgeslice.cloud.ciss.store.JpaResourceStore;
import org.edgeslice.cloud.infrastructure.CloudSettings;
import org.edgeslice.onem2m.binding.HttpBinding;
import org.edgeslice.onem2m.function.FunctionSet;
import org.edgeslice.onem2m.notification.HttpNotificationSender;
import org.edgeslice.onem2m.procedure.CseConfig;
import org.edgeslice.onem2m.procedure.CseEngine;

/**
 * The CISS: the cloud IN-CSE, the shared oneM2M engine on the JPA store, with every common service function.
 * Started by {@code CloudDatabase} right after the schema migration (or on first use).
 */
@ApplicationScoped
public class CloudCse {

    @Inject
    CloudSettings settings;

    @Inject
    DurableLog durableLog;

    @Resource
    ManagedThreadFactory threads;

    private final RedirectTable redirects = new RedirectTable();
    private volatile Running running;

    /** The started parts. */
    public record Running(CseEngine engine, JpaResourceStore store, CseConfig config) {
    }

    public Running running() {
        Running r = running;
        if (r == null) {
            synchronized (this) {
                r = running;
                if (r == null) {
                    r = start();
                    running = r;
                }
            }
        }
        return r;
    }

    public CseEngine engine() {
        return running().engine();
    }

    public JpaResourceStore store() {
        return running().store();
    }

    public RedirectTable redirects() {
        return redirects;
    }

    /** A binding for the adapter serving the CSE under {@code root} (the context root plus /cse). */
    public HttpBinding binding(String root) {
        return new HttpBinding(engine(), null, root);
    }

    private Running start() {
        // the CSEBase's poa (TS-0001 §9.6.3): the HTTP root of this CSE when the platform knows its own URL
        List<String> poa = settings.callbackUrl().map(u -> List.of(u + "/cse")).orElse(List.of());
        CseConfig config = new CseConfig(settings.cseId(), settings.cseName(), 1, settings.cseAdmin(),
                FunctionSet.all(), List.of("2a", "3", "4", "5"), poa, Duration.ofDays(3650), 2);
        JpaResourceStore store = new JpaResourceStore(durableLog,
                JpaResourceStore.Commit.valueOf(settings.commitPolicy().toUpperCase(Locale.ROOT)), threads);
        CseEngine engine = new CseEngine(config, store,
                new HttpNotificationSender(Duration.ofSeconds(2), Duration.ofSeconds(5), "3"));
        store.awaitDurable(); // the CSEBase, when this is a new database
        return new Running(engine, store, config);
    }

    @PreDestroy
    void stop() {
        Running r = running;
        if (r != null) {
            r.engine().close();
            r.store().close();
        }
    }
}
