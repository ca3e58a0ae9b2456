package org.edgeslice.meo.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionInfo;
import org.edgeslice.meo.lcm.AppInstance;
import org.edgeslice.meo.lcm.LcmStore;
import org.edgeslice.meo.lcm.OpOcc;

/** App instances, op occurrences and LCM subscriptions in the MEO database. */
@ApplicationScoped
@Transactional
public class JpaLcmStore implements LcmStore {

    @Inject
    DocumentStore documents;

    @Override
    public Optional<AppInstance> instance(String id) {
        return documents.find("inst", id, AppInstance.class);
    }

    @Override
    public List<AppInstance> instances() {
        return documents.all("inst", AppInstance.class);
    }

    @Override
    public List<AppInstance> committedInstances() {
        return documents.committed("inst", AppInstance.class);
    }

    @Override
    public void save(AppInstance instance) {
        documents.put("inst", instance.id(), instance);
    }

    @Override
    public void deleteInstance(String id) {
        documents.remove("inst", id);
    }

    @Override
    public Optional<OpOcc> op(String id) {
        return documents.find("op", id, OpOcc.class);
    }

    @Override
    public List<OpOcc> ops() {
        return documents.all("op", OpOcc.class);
    }

    @Override
    public List<OpOcc> opsOf(String appInstanceId) {
        return documents.children("op", appInstanceId, OpOcc.class);
    }

    @Override
    public void save(OpOcc op) {
        documents.put("op", op.id(), op.appInstanceId(), op);
    }

    @Override
    public List<LcmSubscriptionInfo> subscriptions() {
        return documents.all("lcmsub", LcmSubscriptionInfo.class);
    }

    @Override
    public Optional<LcmSubscriptionInfo> subscription(String id) {
        return documents.find("lcmsub", id, LcmSubscriptionInfo.class);
    }

    @Override
    public void save(LcmSubscriptionInfo subscription) {
        documents.put("lcmsub", subscription.id(), subscription);
    }

    @Override
    public boolean deleteSubscription(String id) {
        return documents.remove("lcmsub", id);
    }
}
