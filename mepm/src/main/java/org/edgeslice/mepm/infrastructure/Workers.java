package org.edgeslice.mepm.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The MEPM's own threads, made by the container's ManagedThreadFactory (so JPA, JTA and CDI work on them):
 * an unbounded pool for LCM operations, which block for minutes (pulls, readiness, graceful termination), and
 * a small scheduler for periodic work. Payara's default managed executor would run only a couple at once.
 */
@ApplicationScoped
public class Workers {

    @Resource
    ManagedThreadFactory threads;

    private ExecutorService operations;
    private ScheduledExecutorService timer;

    @PostConstruct
    void init() {
        operations = Executors.newCachedThreadPool(threads);
        timer = Executors.newScheduledThreadPool(2, threads);
    }

    public ExecutorService operations() {
        return operations;
    }

    public ScheduledExecutorService timer() {
        return timer;
    }

    @PreDestroy
    void shutdown() {
        timer.shutdownNow();
        operations.shutdownNow();
        try {
            operations.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
