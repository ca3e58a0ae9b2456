package org.edgeslice.onem2m.procedure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.common.Timestamps;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.store.ResourceStore;

/**
 * The container limits of TS-0001 §9.6.6: when {@code mni} (number) or {@code mbs} (bytes) would be exceeded, or
 * instances are older than {@code mia} seconds, the oldest content instances go first.
 */
final class ContainerPolicy {
    private ContainerPolicy() {
    }

    /**
     * The content instances to remove so that the container, after adding one of {@code addBytes} bytes (0 and
     * {@code adding=false} for a plain check), respects its limits. Cheap in the usual case: only the oldest
     * instance is looked at unless more must go.
     */
    static List<Resource> evictions(ResourceStore store, Resource container, boolean adding, long addBytes,
                                    Instant now) {
        long mni = container.longValue("mni", -1);
        long mbs = container.longValue("mbs", -1);
        long mia = container.longValue("mia", -1);
        long cni = container.longValue("cni", 0) + (adding ? 1 : 0);
        long cbs = container.longValue("cbs", 0) + addBytes;
        boolean overCount = mni >= 0 && cni > mni;
        boolean overBytes = mbs >= 0 && cbs > mbs;
        if (!overCount && !overBytes && mia < 0) {
            return List.of();
        }
        List<Resource> out = new ArrayList<>(1);
        if (overCount && !overBytes && mia < 0 && cni - mni == 1) {
            Optional<Resource> oldest = store.oldestChild(container.ri(), ResourceType.CONTENT_INSTANCE);
            oldest.ifPresent(out::add);
            return out;
        }
        String ageLimit = mia >= 0 ? Timestamps.format(now.minusSeconds(mia)) : null;
        if (!overCount && !overBytes) {
            // only mia applies: if the oldest instance is young enough, all are (no full scan per CREATE)
            Optional<Resource> oldest = store.oldestChild(container.ri(), ResourceType.CONTENT_INSTANCE);
            if (oldest.isEmpty() || oldest.get().text("ct").compareTo(ageLimit) >= 0) {
                return List.of();
            }
        }
        for (Resource cin : store.children(container.ri(), ResourceType.CONTENT_INSTANCE)) {
            boolean aged = ageLimit != null && cin.text("ct").compareTo(ageLimit) < 0;
            if (!aged && !(mni >= 0 && cni > mni) && !(mbs >= 0 && cbs > mbs)) {
                break; // oldest first: once one may stay, all younger ones may
            }
            out.add(cin);
            cni--;
            cbs -= cin.longValue("cs", 0);
        }
        return out;
    }

    /** Adjusts {@code cni}/{@code cbs} of a container copy for removed instances. */
    static void account(Resource containerCopy, List<Resource> removed) {
        long cni = containerCopy.longValue("cni", 0);
        long cbs = containerCopy.longValue("cbs", 0);
        for (Resource r : removed) {
            cni--;
            cbs -= r.longValue("cs", 0);
        }
        containerCopy.attrs().put("cni", Math.max(0, cni));
        containerCopy.attrs().put("cbs", Math.max(0, cbs));
    }
}
