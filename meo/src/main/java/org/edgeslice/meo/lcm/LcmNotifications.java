package org.edgeslice.meo.lcm;

import java.util.List;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.common.TimeStamp;
import org.edgeslice.contract.mec010.lcm.AppInstIdNotification;
import org.edgeslice.contract.mec010.lcm.AppInstNotification;
import org.edgeslice.contract.mec010.lcm.AppInstanceSubscriptionFilter;
import org.edgeslice.contract.mec010.lcm.AppLcmOpOccNotification;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionInfo;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionRequest;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionType;
import org.edgeslice.meo.common.ApiRoot;
import org.edgeslice.meo.common.Ids;
import org.edgeslice.meo.common.Notifier;
import org.edgeslice.meo.common.Problems;
import org.edgeslice.meo.common.Transactions;
import org.edgeslice.meo.pkgm.PackageService;
import org.edgeslice.support.problem.ProblemException;

/**
 * The app_lcm subscriptions (ETSI GS MEC 010-2 clause 7.4.7-7.4.8) and the notifications they receive. Called
 * inside the transaction of each state change, so that a change and its notifications are stored together.
 */
public class LcmNotifications {

    private final LcmStore store;
    private final Notifier notifier;
    private final Transactions tx;
    private final ApiRoot apiRoot;

    public LcmNotifications(LcmStore store, Notifier notifier, Transactions tx, ApiRoot apiRoot) {
        this.store = store;
        this.notifier = notifier;
        this.tx = tx;
        this.apiRoot = apiRoot;
    }

    public LcmSubscriptionInfo subscribe(LcmSubscriptionRequest request) {
        Problems.require(request, "body");
        PackageService.requireCallback(request.callbackUri());
        String id = Ids.next();
        LcmSubscriptionInfo info;
        if (request instanceof LcmSubscriptionRequest.AppInstSubscriptionRequest r) {
            info = new LcmSubscriptionInfo(id, LcmSubscriptionType.AppInstanceStateChangeSubscription, r.callbackUri(),
                    r.appInstanceState(), r.appInstanceSubscriptionFilter(), null, links(id));
        } else if (request instanceof LcmSubscriptionRequest.AppLcmOpOccSubscriptionRequest r) {
            info = new LcmSubscriptionInfo(id, LcmSubscriptionType.AppLcmOpOccStateChangeSubscription, r.callbackUri(),
                    null, null, r.appLcmOpOccSubscriptionFilter(), links(id));
        } else if (request instanceof LcmSubscriptionRequest.AppInstIdCreationSubscriptionRequest r) {
            info = new LcmSubscriptionInfo(id, LcmSubscriptionType.AppInstIdCreationSubscription, r.callbackUri(),
                    null, r.appInstanceSubscriptionFilter(), null, links(id));
        } else {
            LcmSubscriptionRequest.AppInstIdDeletionSubscriptionRequest r =
                    (LcmSubscriptionRequest.AppInstIdDeletionSubscriptionRequest) request;
            info = new LcmSubscriptionInfo(id, LcmSubscriptionType.AppInstIdDeletionSubscription, r.callbackUri(),
                    null, r.appInstanceSubscriptionFilter(), null, links(id));
        }
        AppInstanceSubscriptionFilter f = info.appInstanceSubscriptionFilter() != null ? info.appInstanceSubscriptionFilter()
                : info.appLcmOpOccSubscriptionFilter() == null ? null
                : info.appLcmOpOccSubscriptionFilter().appInstanceSubscriptionFilter();
        if (f != null && f.appInstSelectorType() == null) {
            throw ProblemException.badRequest("appInstanceSubscriptionFilter.appInstSelectorType is required");
        }
        tx.run(() -> store.save(info));
        return info;
    }

    public List<LcmSubscriptionInfo> subscriptions() {
        return store.subscriptions();
    }

    public LcmSubscriptionInfo subscription(String id) {
        return store.subscription(id).orElseThrow(() -> ProblemException.notFound("No subscription " + id));
    }

    public void unsubscribe(String id) {
        if (!tx.call(() -> store.deleteSubscription(id))) {
            throw ProblemException.notFound("No subscription " + id);
        }
    }

    void instanceCreated(AppInstance inst) {
        identity(inst, LcmSubscriptionType.AppInstIdCreationSubscription, AppInstIdNotification.CREATION);
    }

    void instanceDeleted(AppInstance inst) {
        identity(inst, LcmSubscriptionType.AppInstIdDeletionSubscription, AppInstIdNotification.DELETION);
    }

    private void identity(AppInstance inst, LcmSubscriptionType type, String notificationType) {
        for (LcmSubscriptionInfo s : store.subscriptions()) {
            if (s.subscriptionType() == type && selects(s.appInstanceSubscriptionFilter(), inst)) {
                notifier.enqueue(s.callbackUri(), new AppInstIdNotification(Ids.next(), notificationType, s.id(),
                        TimeStamp.now(), inst.id(), new AppInstIdNotification.Links(s.links().self(), instanceLink(inst))));
            }
        }
    }

    void instanceStateChanged(AppInstance inst) {
        for (LcmSubscriptionInfo s : store.subscriptions()) {
            if (s.subscriptionType() == LcmSubscriptionType.AppInstanceStateChangeSubscription
                    && (s.appInstanceState() == null || s.appInstanceState() == inst.state())
                    && selects(s.appInstanceSubscriptionFilter(), inst)) {
                notifier.enqueue(s.callbackUri(), new AppInstNotification(Ids.next(), inst.state(), s.id(),
                        TimeStamp.now(), inst.id(), inst.appPkgId(), inst.appDId(), inst.state(),
                        new AppInstNotification.Links(s.links().self(), instanceLink(inst))));
            }
        }
    }

    void opChanged(OpOcc op, AppInstance inst) {
        for (LcmSubscriptionInfo s : store.subscriptions()) {
            if (s.subscriptionType() != LcmSubscriptionType.AppLcmOpOccStateChangeSubscription) {
                continue;
            }
            LcmSubscriptionRequest.AppLcmOpOccSubscriptionFilter f = s.appLcmOpOccSubscriptionFilter();
            if (f != null && ((f.operationStates() != null && !f.operationStates().isEmpty()
                    && !f.operationStates().contains(op.state()))
                    || (f.operationTypes() != null && !f.operationTypes().isEmpty()
                    && !f.operationTypes().contains(op.operation()))
                    || !selects(f.appInstanceSubscriptionFilter(), inst))) {
                continue;
            }
            notifier.enqueue(s.callbackUri(), new AppLcmOpOccNotification(Ids.next(), op.state(), s.id(),
                    TimeStamp.now(), op.id(), op.appInstanceId(), op.state(), op.operation(),
                    new AppLcmOpOccNotification.Links(instanceLink(inst), s.links().self(),
                            new LinkType(apiRoot.href("app_lcm/v1/app_lcm_op_occs/" + op.id())))));
        }
    }

    private LinkType instanceLink(AppInstance inst) {
        return new LinkType(apiRoot.href("app_lcm/v1/app_instances/" + inst.id()));
    }

    private LcmSubscriptionInfo.Links links(String id) {
        return new LcmSubscriptionInfo.Links(new LinkType(apiRoot.href("app_lcm/v1/subscriptions/" + id)));
    }

    private static boolean selects(AppInstanceSubscriptionFilter f, AppInstance i) {
        return f == null || f.matches(i.id(), i.appName(), i.appDId(), i.appProvider(), i.appSoftVersion(), i.appDVersion());
    }
}
