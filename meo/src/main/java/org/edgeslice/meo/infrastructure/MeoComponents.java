package org.edgeslice.meo.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.edgeslice.meo.common.ApiRoot;
import org.edgeslice.meo.grant.GrantService;
import org.edgeslice.meo.host.HostInventory;
import org.edgeslice.meo.host.LocalityPlacement;
import org.edgeslice.meo.host.Placement;
import org.edgeslice.meo.lcm.LcmNotifications;
import org.edgeslice.meo.lcm.LcmOrchestrator;
import org.edgeslice.meo.lcm.PackageCatalog;
import org.edgeslice.meo.pkgm.AppPackage;
import org.edgeslice.meo.pkgm.PackageFetcher;
import org.edgeslice.meo.pkgm.PackageService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wires the framework-free domain services to their JPA, JTA, outbox and Mm3 adapters. One instance of each
 * service per application; the work of LCM tasks and package onboarding runs on container-managed threads.
 */
@ApplicationScoped
public class MeoComponents {

    @Resource
    ManagedThreadFactory threads;

    @Inject
    JtaTransactions tx;

    @Inject
    OutboxNotifier notifier;

    @Inject
    JpaPackageRepository packageRepository;

    @Inject
    JpaLcmStore lcmStore;

    @Inject
    JpaHostRepository hostRepository;

    @Inject
    JpaGrantRepository grantRepository;

    @Inject
    RestMepmGateway mepm;

    @Inject
    @ConfigProperty(name = "meo.api-root")
    Optional<String> apiRoot;

    @Inject
    @ConfigProperty(name = "meo.lcm.operation-timeout", defaultValue = "300")
    long operationTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "meo.lcm.poll-max-interval", defaultValue = "1000")
    long pollMaxIntervalMillis;

    @Inject
    @ConfigProperty(name = "meo.grant.pending-timeout", defaultValue = "25")
    long grantPendingTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "meo.pkgm.allowed-package-dirs", defaultValue = " ")
    String allowedPackageDirs;

    private ExecutorService executor;

    synchronized ExecutorService executor() {
        if (executor == null) {
            executor = Executors.newCachedThreadPool(threads);
        }
        return executor;
    }

    @PreDestroy
    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Produces
    @Singleton
    ApiRoot apiRoot() {
        return new ApiRoot(apiRoot.orElse(null));
    }

    @Produces
    @Singleton
    PackageService packageService(ApiRoot root) {
        List<Path> dirs = Arrays.stream(allowedPackageDirs.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Path::of).toList();
        return new PackageService(packageRepository, new PackageFetcher(dirs), notifier, tx, executor(), root);
    }

    @Produces
    @Singleton
    HostInventory hostInventory() {
        return new HostInventory(hostRepository, tx);
    }

    @Produces
    @Singleton
    Placement placement() {
        return new LocalityPlacement();
    }

    @Produces
    @Singleton
    PackageCatalog packageCatalog(PackageService packages) {
        return new PackageCatalog() {
            @Override
            public Optional<AppPackage> onboarded(String appDId) {
                return packages.onboarded(appDId);
            }

            @Override
            public Optional<AppPackage> byId(String appPkgId) {
                return packageRepository.find(appPkgId);
            }

            @Override
            public void setUsage(String appPkgId, boolean inUse) {
                packages.setUsage(appPkgId, inUse);
            }
        };
    }

    @Produces
    @Singleton
    LcmNotifications lcmNotifications(ApiRoot root) {
        return new LcmNotifications(lcmStore, notifier, tx, root);
    }

    @Produces
    @Singleton
    LcmOrchestrator orchestrator(PackageCatalog catalog, HostInventory hosts, Placement placement,
                                 LcmNotifications notifications) {
        return new LcmOrchestrator(lcmStore, catalog, hosts, placement, mepm, notifications, tx, executor(),
                new LcmOrchestrator.Settings(operationTimeoutSeconds * 1000, pollMaxIntervalMillis));
    }

    @Produces
    @Singleton
    GrantService grantService(HostInventory hosts, PackageCatalog catalog, ApiRoot root) {
        return new GrantService(grantRepository, hosts, lcmStore, catalog, tx, root, grantPendingTimeoutSeconds * 1000);
    }
}
