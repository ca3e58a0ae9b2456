package org.edgeslice.onem2m.procedure;

import java.util.concurrent.locks.ReentrantLock;
import org.edgeslice.onem2m.acp.AccessControl;
import org.edgeslice.onem2m.notification.NotificationService;
import org.edgeslice.onem2m.store.ResourceStore;

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
}
