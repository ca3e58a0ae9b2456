package org.edgeslice.onem2m.procedure;

import java.util.concurrent.locks.ReentrantLock;
import org.edgeslice.onem2m.acp.AccessControl;
import org.edgeslice.onem2m.notification.NotificationService;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.store.ResourceStore;
import org.edgeslice.onem2m.store.WriteBatch;

/**
 * What the procedures share. {@code writeLock} serialises the check-then-write sequences of CREATE, UPDATE and
 * DELETE (name clash, container limits), so two requests can never both pass a check that only one of them may
 * pass; RETRIEVEs do not take it.
 */
record CseContext(CseConfig config, ResourceStore store, TargetResolver resolver, AccessControl access,
                  NotificationService notifications, ReentrantLock writeLock, GroupMembers groups) {

    boolean notificationsEnabled() {
        return config.functions().contains(org.edgeslice.onem2m.function.CommonServiceFunction.NOTIFICATION);
    }

    /**
     * Under the write lock: deletes removed resources (evicted instances) in {@code batch} and takes them out of
     * the groups that list them; call {@link GroupMembers#removed} after the write and {@link #announce} after
     * the lock.
     *
     * @return the groups changed
     */
    java.util.List<Resource> remove(java.util.List<Resource> removed, WriteBatch batch) {
        removed.forEach(r -> batch.delete(r.ri()));
        return groups.leave(removed, batch);
    }

    /** Tells the subscribers of groups that members left. */
    void announce(java.util.List<Resource> groupsLeft) {
        if (notificationsEnabled()) {
            groupsLeft.forEach(g -> notifications.resourceUpdated(g, GroupMembers.changes(g)));
        }
    }
}
