package org.edgeslice.meo.lcm;

import java.util.List;
import java.util.Optional;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionInfo;

/** Where app instances, op occurrences and LCM subscriptions are kept. */
public interface LcmStore {

    Optional<AppInstance> instance(String id);

    List<AppInstance> instances();

    /**
     * The committed app instances, oldest first, for read-only listing: may be served from a read model, so it
     * does not see the calling transaction's own writes.
     */
    default List<AppInstance> committedInstances() {
        return instances();
    }

    void save(AppInstance instance);

    void deleteInstance(String id);

    Optional<OpOcc> op(String id);

    List<OpOcc> ops();

    /** The op occurrences of one app instance, oldest first. */
    default List<OpOcc> opsOf(String appInstanceId) {
        return ops().stream().filter(o -> o.appInstanceId().equals(appInstanceId)).toList();
    }

    void save(OpOcc op);

    List<LcmSubscriptionInfo> subscriptions();

    Optional<LcmSubscriptionInfo> subscription(String id);

    void save(LcmSubscriptionInfo subscription);

    boolean deleteSubscription(String id);
}
