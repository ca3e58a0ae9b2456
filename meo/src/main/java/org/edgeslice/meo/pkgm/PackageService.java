package org.edgeslice.meo.pkgm;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.common.TimeStamp;
import org.edgeslice.contract.mec010.pkgm.AppPkgFilter;
import org.edgeslice.contract.mec010.pkgm.AppPkgNotification;
import org.edgeslice.contract.mec010.pkgm.AppPkgNotificationType;
import org.edgeslice.contract.mec010.pkgm.AppPkgOperationalState;
import org.edgeslice.contract.mec010.pkgm.AppPkgSubscription;
import org.edgeslice.contract.mec010.pkgm.AppPkgSubscriptionInfo;
import org.edgeslice.contract.mec010.pkgm.AppPkgSubscriptionType;
import org.edgeslice.contract.mec010.pkgm.CreateAppPkg;
import org.edgeslice.contract.mec010.pkgm.OnboardingState;
import org.edgeslice.contract.mec010.pkgm.UsageState;
import org.edgeslice.meo.common.ApiRoot;
import org.edgeslice.meo.common.Ids;
import org.edgeslice.meo.common.Notifier;
import org.edgeslice.meo.common.Problems;
import org.edgeslice.meo.common.Transactions;
import org.edgeslice.support.problem.ProblemException;

/**
 * Application package management (ETSI GS MEC 010-2 clause 5.2 / 7.3): create, onboard (from appPkgPath or
 * by upload), enable/disable, delete, and the package notifications. Onboarding is all or nothing: a package
 * whose file or AppD is bad returns to CREATED with {@code onboardingFailure} saying why, and keeps no content.
 */
public class PackageService {

    private static final Logger LOG = Logger.getLogger(PackageService.class.getName());

    private final PackageRepository repository;
    private final PackageFetcher fetcher;
    private final Notifier notifier;
    private final Transactions tx;
    private final Executor executor;
    private final ApiRoot apiRoot;

    public PackageService(PackageRepository repository, PackageFetcher fetcher, Notifier notifier, Transactions tx,
                          Executor executor, ApiRoot apiRoot) {
        this.repository = repository;
        this.fetcher = fetcher;
        this.notifier = notifier;
        this.tx = tx;
        this.executor = executor;
        this.apiRoot = apiRoot;
    }

    /** POST app_packages: the package starts CREATED/ENABLED/NOT_IN_USE; with appPkgPath, onboarding follows. */
    public AppPackage create(CreateAppPkg request) {
        Problems.require(request, "body");
        Problems.require(request.appPkgName(), "appPkgName");
        Problems.require(request.appPkgVersion(), "appPkgVersion");
        Problems.require(request.checksum(), "checksum");
        Problems.require(request.checksum().algorithm(), "checksum.algorithm");
        Problems.require(request.checksum().hash(), "checksum.hash");
        try {
            PackageArchive.hash(new byte[0], request.checksum().algorithm());
        } catch (InvalidPackageException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        if (request.appPkgPath() != null) {
            try {
                fetcher.check(request.appPkgPath());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(e.getMessage());
            }
        }
        AppPackage p = new AppPackage(Ids.next(), request.appPkgName(), request.appPkgVersion(), request.appProvider(),
                request.checksum(), request.appPkgPath(), request.userDefinedData(), OnboardingState.CREATED,
                AppPkgOperationalState.ENABLED, UsageState.NOT_IN_USE, null, null, null, null, null, null,
                TimeStamp.now());
        tx.run(() -> repository.save(p));
        if (p.appPkgPath() != null) {
            executor.execute(() -> onboardFromPath(p.id()));
        }
        return p;
    }

    public List<AppPackage> all() {
        return repository.all();
    }

    public AppPackage get(String id) {
        return repository.find(id).orElseThrow(() -> ProblemException.notFound("No application package " + id));
    }

    public Optional<AppPackage> onboarded(String appDId) {
        return repository.all().stream().filter(p -> p.isOnboarded() && appDId.equals(p.appDId())).findFirst();
    }

    public AppPackage getOnboarded(String appDId) {
        return onboarded(appDId).orElseThrow(() -> ProblemException.notFound("No onboarded package with appDId " + appDId));
    }

    public byte[] content(AppPackage p) {
        if (!p.isOnboarded()) {
            throw ProblemException.conflict("Package " + p.id() + " is " + p.onboardingState() + "; its content is "
                    + "available once ONBOARDED");
        }
        return repository.content(p.id()).orElseThrow(() -> ProblemException.conflict("Package " + p.id() + " has no content"));
    }

    /** PUT package_content: the upload is verified and processed before the 202; a bad file is a 400. */
    public AppPackage upload(String id, byte[] zip) {
        AppPackage p = get(id);
        if (p.onboardingState() != OnboardingState.CREATED) {
            throw ProblemException.conflict("Package " + id + " is " + p.onboardingState() + "; content can be "
                    + "uploaded only while CREATED");
        }
        if (zip == null || zip.length == 0) {
            throw ProblemException.badRequest("The request body is empty; the package file (application/zip) is required");
        }
        AppPackage uploading = p.withOnboarding(OnboardingState.UPLOADING, null);
        tx.run(() -> repository.save(uploading));
        try {
            return process(uploading, zip);
        } catch (InvalidPackageException e) {
            throw ProblemException.badRequest("Package " + id + " rejected, back to CREATED: " + e.getMessage());
        }
    }

    void onboardFromPath(String id) {
        AppPackage p = repository.find(id).orElse(null);
        if (p == null || p.onboardingState() == OnboardingState.ONBOARDED) {
            return;
        }
        try {
            AppPackage uploading = p.withOnboarding(OnboardingState.UPLOADING, null);
            tx.run(() -> repository.save(uploading));
            byte[] zip = fetcher.fetch(p.appPkgPath());
            process(uploading, zip);
        } catch (InvalidPackageException e) {
            LOG.info(() -> "package " + id + " not onboarded: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "onboarding of package " + id + " failed", e);
            repository.find(id).ifPresent(q -> tx.run(() -> repository.save(
                    q.withOnboarding(OnboardingState.CREATED, "onboarding failed: " + e))));
        }
    }

    /** Onboarding packages stuck in UPLOADING/PROCESSING by a restart are restarted (path) or reset (upload). */
    public void recover() {
        for (AppPackage p : repository.all()) {
            if (p.onboardingState() == OnboardingState.UPLOADING || p.onboardingState() == OnboardingState.PROCESSING) {
                if (p.appPkgPath() != null) {
                    executor.execute(() -> onboardFromPath(p.id()));
                } else {
                    tx.run(() -> repository.save(p.withOnboarding(OnboardingState.CREATED,
                            "onboarding interrupted by an MEO restart; upload the content again")));
                }
            }
        }
    }

    private AppPackage process(AppPackage uploading, byte[] zip) {
        AppPackage processing = uploading.withOnboarding(OnboardingState.PROCESSING, null);
        tx.run(() -> repository.save(processing));
        try {
            PackageArchive.verifyChecksum(zip, processing.checksum());
            PackageArchive.Contents contents = PackageArchive.read(zip);
            AppPackage done = processing.onboarded(contents);
            return tx.call(() -> {
                Optional<AppPackage> clash = onboarded(contents.appD().appDId());
                if (clash.isPresent() && !clash.get().id().equals(done.id())) {
                    throw new InvalidPackageException("appDId " + contents.appD().appDId()
                            + " is already onboarded by package " + clash.get().id());
                }
                repository.saveContent(done.id(), zip);
                repository.save(done);
                notify(done, AppPkgNotificationType.AppPackageOnBoarded);
                return done;
            });
        } catch (InvalidPackageException e) {
            tx.run(() -> repository.save(processing.withOnboarding(OnboardingState.CREATED, e.getMessage())));
            throw e;
        }
    }

    /** PATCH app_packages/{id}: ENABLED <-> DISABLED; the same state again is a 409 (nothing to change). */
    public AppPackage changeOperationalState(String id, AppPkgOperationalState target) {
        Problems.require(target, "operationalState");
        synchronized (this) {
            AppPackage p = get(id);
            if (!p.isOnboarded()) {
                throw ProblemException.conflict("Package " + id + " is " + p.onboardingState()
                        + "; only an ONBOARDED package can be enabled or disabled");
            }
            if (p.operationalState() == target) {
                throw ProblemException.conflict("Package " + id + " is already " + target);
            }
            AppPackage changed = p.withOperationalState(target);
            tx.run(() -> {
                repository.save(changed);
                notify(changed, target == AppPkgOperationalState.ENABLED ? AppPkgNotificationType.AppPacakgeEnabled
                        : AppPkgNotificationType.AppPacakgeDisabled);
            });
            return changed;
        }
    }

    /** DELETE app_packages/{id}: refused (409) while app instances use the package. */
    public void delete(String id) {
        synchronized (this) {
            AppPackage p = get(id);
            if (p.usageState() == UsageState.IN_USE) {
                throw ProblemException.conflict("Package " + id + " is IN_USE by app instances; delete them first");
            }
            if (p.onboardingState() == OnboardingState.UPLOADING || p.onboardingState() == OnboardingState.PROCESSING) {
                throw ProblemException.conflict("Package " + id + " is being onboarded (" + p.onboardingState() + ")");
            }
            tx.run(() -> {
                repository.delete(id);
                if (p.isOnboarded()) {
                    notify(p, AppPkgNotificationType.AppPackageDeleted);
                }
            });
        }
    }

    /** Marks a package IN_USE or NOT_IN_USE (called by lifecycle management). */
    public synchronized void setUsage(String id, boolean inUse) {
        repository.find(id).ifPresent(p -> {
            UsageState target = inUse ? UsageState.IN_USE : UsageState.NOT_IN_USE;
            if (p.usageState() != target) {
                tx.run(() -> repository.save(p.withUsageState(target)));
            }
        });
    }

    // ---- subscriptions (clause 7.3.5-7.3.6) ----

    public AppPkgSubscriptionInfo subscribe(AppPkgSubscription request) {
        Problems.require(request, "body");
        Problems.require(request.subscriptionType(), "subscriptionType");
        requireCallback(request.callbackUri());
        String id = Ids.next();
        AppPkgSubscriptionInfo info = new AppPkgSubscriptionInfo(id, request.subscriptionType(), request.callbackUri(),
                request.appPkgFilter(), new AppPkgSubscriptionInfo.Links(new LinkType(apiRoot.href("app_pkgm/v1/subscriptions/" + id))));
        tx.run(() -> repository.save(info));
        return info;
    }

    public List<AppPkgSubscriptionInfo> subscriptions() {
        return repository.subscriptions();
    }

    public AppPkgSubscriptionInfo subscription(String id) {
        return repository.subscription(id).orElseThrow(() -> ProblemException.notFound("No subscription " + id));
    }

    public void unsubscribe(String id) {
        if (!tx.call(() -> repository.deleteSubscription(id))) {
            throw ProblemException.notFound("No subscription " + id);
        }
    }

    private void notify(AppPackage p, AppPkgNotificationType type) {
        AppPkgSubscriptionType wanted = switch (type) {
            case AppPackageOnBoarded -> AppPkgSubscriptionType.AppPackageOnBoardingSubscription;
            case AppPacakgeEnabled, AppPacakgeDisabled -> AppPkgSubscriptionType.AppPacakgeOperationChange;
            case AppPackageDeleted -> AppPkgSubscriptionType.AppPackageDeletion;
        };
        for (AppPkgSubscriptionInfo s : repository.subscriptions()) {
            if (s.subscriptionType() == wanted && matches(s.appPkgFilter(), p)) {
                notifier.enqueue(s.callbackUri(), new AppPkgNotification(Ids.next(), type, s.id(), TimeStamp.now(),
                        p.id(), p.appDId(), p.operationalState(),
                        new AppPkgNotification.Links(s.links().self())));
            }
        }
    }

    static boolean matches(List<AppPkgFilter> filters, AppPackage p) {
        if (filters == null || filters.isEmpty()) {
            return true;
        }
        return filters.stream().anyMatch(f -> eq(f.appPkgId(), p.id()) && eq(f.appDId(), p.appDId())
                && eq(f.appProvider(), p.appD() == null ? p.appProvider() : p.appD().appProvider())
                && eq(f.appName(), p.appD() == null ? null : p.appD().appName())
                && eq(f.appSoftwareVersion(), p.appD() == null ? null : p.appD().appSoftVersion())
                && eq(f.appDVersion(), p.appD() == null ? null : p.appD().appDVersion())
                && (f.operationalState() == null || f.operationalState() == p.operationalState()));
    }

    private static boolean eq(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    public static void requireCallback(String callbackUri) {
        Problems.require(callbackUri, "callbackUri");
        try {
            URI u = URI.create(callbackUri);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw ProblemException.badRequest("callbackUri must be an absolute http(s) URI");
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("callbackUri is not a URI: " + e.getMessage());
        }
    }
}
