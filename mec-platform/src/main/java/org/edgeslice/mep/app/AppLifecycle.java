package org.edgeslice.mep.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.mec011.AppInfo;
import org.edgeslice.contract.mec011.AppReadyConfirmation;
import org.edgeslice.contract.mec011.AppTerminationConfirmation;
import org.edgeslice.contract.mec011.AppTerminationNotification;
import org.edgeslice.contract.mec011.AppTerminationNotificationSubscription;
import org.edgeslice.contract.mec011.OperationActionType;
import org.edgeslice.contract.mec011.TerminationRequest;
import org.edgeslice.contract.mec011.TerminationState;
import org.edgeslice.contract.mec011.TerminationStatus;
import org.edgeslice.mep.infrastructure.JsonText;
import org.edgeslice.mep.notification.Outbox;
import org.edgeslice.mep.service.ServiceRegistry;
import org.edgeslice.mep.subscription.StoredSubscription;
import org.edgeslice.mep.subscription.SubscriptionKind;
import org.edgeslice.mep.subscription.Subscriptions;
import org.edgeslice.support.problem.ProblemException;

/**
 * An app's Mp1 life on the platform: registration (ETSI GS MEC 011 v3.x clause 7.2.13/7.2.14), confirm_ready,
 * and the graceful termination handshake that the MEPM starts over Mm5 and the app ends with confirm_termination
 * (or the platform ends when maxGracefulTimeout passes); the handshake's rules are {@link TerminationHandshake}'s.
 */
@ApplicationScoped
public class AppLifecycle {

    @PersistenceContext(unitName = "mep")
    EntityManager em;

    @Inject
    AppInstances apps;

    @Inject
    ServiceRegistry services;

    @Inject
    Subscriptions subscriptions;

    @Inject
    Outbox outbox;

    /**
     * Registers the calling app. A second POST by an already registered app replaces its registration: an app
     * whose container was restarted registers again and must not be refused.
     */
    @Transactional
    public AppInfo register(String caller, AppInfo info) {
        AppInstanceEntity e = lock(caller);
        AppInfo registered = AppInfoRules.check(info, caller, e.appDId);
        e.registered = true;
        e.appInfoJson = JsonText.write(registered);
        return registered;
    }

    @Transactional
    public AppInfo registration(String appInstanceId) {
        AppInstanceEntity e = registered(appInstanceId);
        return JsonText.read(e.appInfoJson, AppInfo.class);
    }

    @Transactional
    public void updateRegistration(String appInstanceId, AppInfo info) {
        AppInstanceEntity e = registered(appInstanceId);
        e.appInfoJson = JsonText.write(AppInfoRules.check(info, appInstanceId, e.appDId));
    }

    /**
     * Deregistration ends the app's Mp1 presence: its services (subscribers are told) and subscriptions go;
     * the MEPM's configuration (rules, credentials) stays until Mm5 removes the app.
     */
    @Transactional
    public void deregister(String appInstanceId) {
        AppInstanceEntity e = registered(appInstanceId);
        services.deleteAllOf(appInstanceId);
        subscriptions.deleteAllOf(appInstanceId);
        e.registered = false;
        e.appInfoJson = null;
        e.readyConfirmed = false;
    }

    /** ETSI GS MEC 011 clause 7.2.11.3.4: 409 while a termination is pending. */
    @Transactional
    public void confirmReady(String appInstanceId, AppReadyConfirmation confirmation) {
        if (!"READY".equals(confirmation.indication())) {
            throw ProblemException.badRequest("AppReadyConfirmation.indication must be READY");
        }
        AppInstanceEntity e = registered(appInstanceId);
        TerminationHandshake.requireReadyAllowed(state(e));
        // a stopped app that was started again reports ready: the earlier termination is history
        e.terminationState = null;
        e.terminationAction = null;
        e.terminationTimeout = null;
        e.terminationDeadline = null;
        e.readyConfirmed = true;
    }

    /** ETSI GS MEC 011 clause 7.2.12.3.4: 409 when no termination is pending or the action differs. */
    @Transactional
    public void confirmTermination(String appInstanceId, AppTerminationConfirmation confirmation) {
        if (confirmation.operationAction() == null) {
            throw ProblemException.badRequest("AppTerminationConfirmation.operationAction is required");
        }
        AppInstanceEntity e = registered(appInstanceId);
        e.terminationState = TerminationHandshake.confirm(state(e), action(e), confirmation.operationAction()).name();
    }

    /**
     * Mm5 termination POST: notifies the app's AppTerminationNotificationSubscriptions. Without any, there is
     * nobody to wait for (NOT_SUBSCRIBED). A repeated request for the pending action changes nothing.
     */
    @Transactional
    public TerminationStatus requestTermination(String appInstanceId, TerminationRequest request, String apiRoot) {
        if (request.operationAction() == null || request.maxGracefulTimeout() == null
                || request.maxGracefulTimeout() < 0) {
            throw ProblemException.badRequest("operationAction and a non-negative maxGracefulTimeout are required");
        }
        AppInstanceEntity e = lock(appInstanceId);
        List<StoredSubscription> subs = subscriptions.ofApp(appInstanceId, SubscriptionKind.APP_TERMINATION);
        TerminationHandshake.Start start = TerminationHandshake.request(state(e), action(e), request.operationAction(),
                !subs.isEmpty());
        if (start == TerminationHandshake.Start.ALREADY_PENDING) {
            return status(e);
        }
        e.readyConfirmed = false;
        e.terminationAction = request.operationAction().name();
        e.terminationTimeout = request.maxGracefulTimeout();
        if (start == TerminationHandshake.Start.NOTHING_TO_WAIT_FOR) {
            e.terminationState = TerminationState.NOT_SUBSCRIBED.name();
            e.terminationDeadline = null;
            return status(e);
        }
        e.terminationState = TerminationState.PENDING.name();
        e.terminationDeadline = System.currentTimeMillis() + request.maxGracefulTimeout() * 1000L;
        LinkType confirm = new LinkType(apiRoot + "mec_app_support/v2/applications/" + appInstanceId
                + "/confirm_termination");
        for (StoredSubscription s : subs) {
            AppTerminationNotificationSubscription sub =
                    JsonText.read(s.bodyJson(), AppTerminationNotificationSubscription.class);
            outbox.enqueue(s.id(), s.callbackReference(), new AppTerminationNotification(
                    AppTerminationNotification.TYPE, request.operationAction(), request.maxGracefulTimeout(),
                    new AppTerminationNotification.Links(sub.links().self(), confirm)));
        }
        return status(e);
    }

    @Transactional
    public TerminationStatus termination(String appInstanceId) {
        AppInstanceEntity e = apps.require(appInstanceId);
        if (e.terminationState == null) {
            throw ProblemException.notFound("No termination was requested for app instance " + appInstanceId);
        }
        return status(e);
    }

    /** Ends the pending terminations whose maxGracefulTimeout has passed; returns how many. */
    @Transactional
    public int timeOutTerminations(long now) {
        List<AppInstanceEntity> overdue = em.createQuery("select a from AppInstanceEntity a where a.terminationState"
                        + " = 'PENDING' and a.terminationDeadline < :now", AppInstanceEntity.class)
                .setParameter("now", now).getResultList();
        for (AppInstanceEntity e : overdue) {
            em.lock(e, LockModeType.PESSIMISTIC_WRITE);
            if (TerminationHandshake.timedOut(state(e), e.terminationDeadline, now)) {
                e.terminationState = TerminationState.TIMED_OUT.name();
            }
        }
        return overdue.size();
    }

    private static TerminationState state(AppInstanceEntity e) {
        return e.terminationState == null ? null : TerminationState.valueOf(e.terminationState);
    }

    private static OperationActionType action(AppInstanceEntity e) {
        return e.terminationAction == null ? null : OperationActionType.valueOf(e.terminationAction);
    }

    private static TerminationStatus status(AppInstanceEntity e) {
        return new TerminationStatus(TerminationState.valueOf(e.terminationState),
                e.terminationAction == null ? null : OperationActionType.valueOf(e.terminationAction),
                e.terminationTimeout);
    }

    private AppInstanceEntity lock(String appInstanceId) {
        AppInstanceEntity e = em.find(AppInstanceEntity.class, appInstanceId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound("Unknown app instance " + appInstanceId);
        }
        return e;
    }

    private AppInstanceEntity registered(String appInstanceId) {
        AppInstanceEntity e = lock(appInstanceId);
        if (!e.registered) {
            throw ProblemException.notFound("App instance " + appInstanceId + " is not registered");
        }
        return e;
    }
}
