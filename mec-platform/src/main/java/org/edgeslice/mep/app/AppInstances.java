package org.edgeslice.mep.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.edgeslice.contract.mec011.AppPlatformConfig;
import org.edgeslice.contract.mec011.AppPlatformStatus;
import org.edgeslice.mep.infrastructure.JsonText;
import org.edgeslice.mep.rules.Rules;
import org.edgeslice.mep.service.ServiceRegistry;
import org.edgeslice.mep.subscription.Subscriptions;
import org.edgeslice.support.problem.ProblemException;

/**
 * The app instances the MEPM configured over Mm5 (docs/interfaces.md): their rules and OAuth 2.0 client, and
 * the access rule of Mp1 (an app reaches only its own, registered, resources).
 */
@ApplicationScoped
public class AppInstances {

    @PersistenceContext(unitName = "mep")
    EntityManager em;

    @Inject
    Rules rules;

    @Inject
    ServiceRegistry services;

    @Inject
    Subscriptions subscriptions;

    /** Mm5 PUT: creates or replaces an app's platform configuration; true when it was created. */
    @Transactional
    public boolean configure(String appInstanceId, AppPlatformConfig config) {
        if (config.appInstanceId() != null && !config.appInstanceId().equals(appInstanceId)) {
            throw ProblemException.badRequest("appInstanceId " + config.appInstanceId() + " differs from the URI's");
        }
        if (blank(config.clientId()) || blank(config.clientSecret())) {
            throw ProblemException.badRequest("clientId and clientSecret are required");
        }
        if (config.clientSecret().length() < 16) {
            throw ProblemException.badRequest("clientSecret must have at least 16 characters");
        }
        List<AppInstanceEntity> sameClient = em.createQuery("select a from AppInstanceEntity a where a.clientId = :c"
                + " and a.appInstanceId <> :a", AppInstanceEntity.class)
                .setParameter("c", config.clientId()).setParameter("a", appInstanceId).getResultList();
        if (!sameClient.isEmpty()) {
            throw ProblemException.conflict("clientId " + config.clientId() + " belongs to another app instance");
        }
        AppInstanceEntity e = em.find(AppInstanceEntity.class, appInstanceId);
        boolean created = e == null;
        if (created) {
            e = new AppInstanceEntity();
            e.appInstanceId = appInstanceId;
        }
        e.clientId = config.clientId();
        e.clientSecretHash = ClientSecrets.hash(config.clientSecret());
        e.appDId = config.appDId();
        e.configJson = JsonText.write(new AppPlatformConfig(appInstanceId, config.appName(), config.appProvider(),
                config.appDId(), config.clientId(), null, config.appTrafficRule(), config.appDNSRule(),
                config.appServiceRequired(), config.appServiceProduced()));
        if (created) {
            em.persist(e);
        }
        rules.configure(appInstanceId, config.appTrafficRule(), config.appDNSRule());
        return created;
    }

    @Transactional
    public AppPlatformStatus status(String appInstanceId) {
        AppInstanceEntity e = require(appInstanceId);
        AppPlatformConfig c = JsonText.read(e.configJson, AppPlatformConfig.class);
        return new AppPlatformStatus(e.appInstanceId, c.appName(), c.appProvider(), c.appDId(), c.clientId(),
                c.appTrafficRule(), c.appDNSRule(), c.appServiceRequired(), c.appServiceProduced(), e.registered,
                e.readyConfirmed);
    }

    /** Mm5 DELETE: rules, registration, services, subscriptions and credentials of the app go. */
    @Transactional
    public void remove(String appInstanceId) {
        AppInstanceEntity e = require(appInstanceId);
        services.deleteAllOf(appInstanceId);
        subscriptions.deleteAllOf(appInstanceId);
        rules.deleteAllOf(appInstanceId);
        em.remove(e);
    }

    /** The app instance whose OAuth 2.0 client these credentials are, if they are valid. */
    @Transactional
    public Optional<String> authenticateClient(String clientId, String clientSecret) {
        List<AppInstanceEntity> found = em.createQuery("select a from AppInstanceEntity a where a.clientId = :c",
                AppInstanceEntity.class).setParameter("c", clientId).getResultList();
        if (found.isEmpty()) {
            ClientSecrets.hash(clientSecret == null ? "" : clientSecret); // same work either way: no timing oracle
            return Optional.empty();
        }
        AppInstanceEntity e = found.get(0);
        return ClientSecrets.matches(clientSecret, e.clientSecretHash) ? Optional.of(e.appInstanceId) : Optional.empty();
    }

    /** A token stays valid only while its app instance exists with the client it was issued to. */
    @Transactional
    public boolean holdsClient(String appInstanceId, String clientId) {
        AppInstanceEntity e = em.find(AppInstanceEntity.class, appInstanceId);
        return e != null && e.clientId.equals(clientId);
    }

    /**
     * One round trip for a request's authorisation: false when the token's app instance no longer holds the
     * client the token was issued to; otherwise applies {@link #guard} to the path's owner, if any.
     */
    @Transactional
    public boolean authorize(String caller, String clientId, Optional<String> owner) {
        if (!holdsClient(caller, clientId)) {
            return false;
        }
        owner.ifPresent(target -> guard(caller, target));
        return true;
    }

    /**
     * The Mp1 access rule for {@code applications/{target}} and {@code registrations/{target}}: 404 for an unknown
     * app instance, 403 for another app's, 404 while the caller is not registered.
     */
    @Transactional
    public void guard(String caller, String target) {
        AppInstanceEntity e = em.find(AppInstanceEntity.class, target);
        if (e == null) {
            throw ProblemException.notFound("Unknown app instance " + target);
        }
        if (!target.equals(caller)) {
            throw ProblemException.forbidden("App instance " + caller + " may not access the resources of " + target);
        }
        if (!e.registered) {
            throw ProblemException.notFound("App instance " + target + " is not registered;"
                    + " POST mec_app_support/v2/registrations first");
        }
    }

    AppInstanceEntity require(String appInstanceId) {
        AppInstanceEntity e = em.find(AppInstanceEntity.class, appInstanceId);
        if (e == null) {
            throw ProblemException.notFound("Unknown app instance " + appInstanceId);
        }
        return e;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
