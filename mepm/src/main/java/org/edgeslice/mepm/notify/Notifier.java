package org.edgeslice.mepm.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Logger;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.common.TimeStamp;
import org.edgeslice.contract.mec010.lcm.AppInstIdNotification;
import org.edgeslice.contract.mec010.lcm.AppInstNotification;
import org.edgeslice.contract.mec010.lcm.AppInstanceState;
import org.edgeslice.contract.mec010.lcm.AppLcmOpOccNotification;
import org.edgeslice.contract.mec010.lcm.InstantiationState;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionRequest;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionType;
import org.edgeslice.mepm.config.MepmSettings;
import org.edgeslice.mepm.lcm.AppInstanceEntity;
import org.edgeslice.mepm.lcm.OpOccEntity;
import org.edgeslice.support.json.Json;

/**
 * Turns state changes into ETSI GS MEC 010-2 notifications for every matching subscription and puts them in
 * the outbox (persisted before the change is acknowledged; {@link NotificationSender} delivers them).
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class.getName());

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    NotificationRepository outbox;

    @Inject
    NotificationSender sender;

    @Inject
    MepmSettings settings;

    private String link(String path) {
        return settings.apiRoot() + "/app_lcm/v1/" + path;
    }

    /** An op occurrence entered {@code op.state}. */
    public void opStateChanged(OpOccEntity op, AppInstanceEntity instance) {
        for (SubscriptionEntity s : subscriptions.findAll()) {
            if (!LcmSubscriptionType.AppLcmOpOccStateChangeSubscription.name().equals(s.subscriptionType)) {
                continue;
            }
            var req = (LcmSubscriptionRequest.AppLcmOpOccSubscriptionRequest) parse(s);
            var f = req.appLcmOpOccSubscriptionFilter();
            if (f != null && ((f.operationStates() != null && !f.operationStates().isEmpty() && !f.operationStates().contains(op.state))
                    || (f.operationTypes() != null && !f.operationTypes().isEmpty() && !f.operationTypes().contains(op.operation))
                    || !matches(f.appInstanceSubscriptionFilter(), instance))) {
                continue;
            }
            enqueue(s, new AppLcmOpOccNotification(UUID.randomUUID().toString(), op.state, s.id, TimeStamp.now(),
                    op.id, op.appInstanceId, op.state, op.operation, new AppLcmOpOccNotification.Links(
                    new LinkType(link("app_instances/" + op.appInstanceId)), new LinkType(link("subscriptions/" + s.id)),
                    new LinkType(link("app_lcm_op_occs/" + op.id)))));
        }
    }

    /**
     * The instance's state changed (NOT_INSTANTIATED, STARTED, STOPPED), asked for or not (a container that died
     * or was OOM-killed is reported as STOPPED).
     */
    public void instanceStateChanged(AppInstanceEntity instance) {
        AppInstanceState state = stateOf(instance);
        for (SubscriptionEntity s : subscriptions.findAll()) {
            if (!LcmSubscriptionType.AppInstanceStateChangeSubscription.name().equals(s.subscriptionType)) {
                continue;
            }
            var req = (LcmSubscriptionRequest.AppInstSubscriptionRequest) parse(s);
            if ((req.appInstanceState() != null && req.appInstanceState() != state)
                    || !matches(req.appInstanceSubscriptionFilter(), instance)) {
                continue;
            }
            enqueue(s, new AppInstNotification(UUID.randomUUID().toString(), state, s.id, TimeStamp.now(), instance.id,
                    instance.appPkgId, instance.appDId, state, new AppInstNotification.Links(
                    new LinkType(link("subscriptions/" + s.id)), new LinkType(link("app_instances/" + instance.id)))));
        }
    }

    /** An instance identifier was created or deleted (v3.x AppInstIdCreation/DeletionSubscription). */
    public void identifier(AppInstanceEntity instance, boolean created) {
        LcmSubscriptionType type = created ? LcmSubscriptionType.AppInstIdCreationSubscription
                : LcmSubscriptionType.AppInstIdDeletionSubscription;
        for (SubscriptionEntity s : subscriptions.findAll()) {
            if (!type.name().equals(s.subscriptionType) || !matches(parse(s).appInstanceSubscriptionFilter(), instance)) {
                continue;
            }
            enqueue(s, new AppInstIdNotification(UUID.randomUUID().toString(),
                    created ? AppInstIdNotification.CREATION : AppInstIdNotification.DELETION, s.id, TimeStamp.now(),
                    instance.id, new AppInstIdNotification.Links(new LinkType(link("subscriptions/" + s.id)),
                    created ? new LinkType(link("app_instances/" + instance.id)) : null)));
        }
    }

    public static AppInstanceState stateOf(AppInstanceEntity i) {
        if (i.instantiationState != InstantiationState.INSTANTIATED) {
            return AppInstanceState.NOT_INSTANTIATED;
        }
        return i.operationalState == org.edgeslice.contract.mec010.lcm.OperationalState.STOPPED
                ? AppInstanceState.STOPPED : AppInstanceState.STARTED;
    }

    private static boolean matches(org.edgeslice.contract.mec010.lcm.AppInstanceSubscriptionFilter f, AppInstanceEntity i) {
        return f == null || f.matches(i.id, i.appName, i.appDId, i.appProvider, i.appSoftVersion, i.appDVersion);
    }

    static LcmSubscriptionRequest parse(SubscriptionEntity s) {
        try {
            return Json.mapper().readValue(s.requestJson, LcmSubscriptionRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored subscription " + s.id + " unreadable", e);
        }
    }

    private void enqueue(SubscriptionEntity s, Object notification) {
        NotificationEntity n = new NotificationEntity();
        n.id = UUID.randomUUID().toString();
        n.subscriptionId = s.id;
        n.callbackUri = s.callbackUri;
        try {
            n.bodyJson = Json.mapper().writeValueAsString(notification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        n.createdAt = System.currentTimeMillis();
        n.nextAttemptAt = n.createdAt;
        outbox.insert(n);
        LOG.fine(() -> "queued " + n.bodyJson + " for " + s.callbackUri);
        sender.kick();
    }
}
