package org.edgeslice.cloud.ciss;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The offloaded tasks whose cloud retrieves are answered by the slice (sync mode REDIRECT), by the structured
 * cloud path of the task root ({@code in-cse/Cars/CarA}). Kept in memory for the request path; the CISS fills it
 * from the task table at start and on every offload and return.
 */
public final class RedirectTable {

    /** Where the retrieves of one task go. */
    public record Redirect(String taskId, String cloudRoot, String sliceEndpoint, String sliceRoot) {

        /** The slice's structured path for a cloud path under {@link #cloudRoot}. */
        public String slicePathOf(String cloudPath) {
            return sliceRoot + cloudPath.substring(cloudRoot.length());
        }
    }

    private final Map<String, Redirect> byRoot = new ConcurrentHashMap<>();

    public void put(Redirect r) {
        byRoot.put(r.cloudRoot(), r);
    }

    public void remove(String cloudRoot) {
        byRoot.remove(cloudRoot);
    }

    public boolean isEmpty() {
        return byRoot.isEmpty();
    }

    /** The redirect whose root is this path or one of its ancestors. */
    public Optional<Redirect> match(String structuredPath) {
        String p = structuredPath;
        while (true) {
            Redirect r = byRoot.get(p);
            if (r != null) {
                return Optional.of(r);
            }
            int slash = p.lastIndexOf('/');
            if (slash <= 0) {
                return Optional.empty();
            }
            p = p.substring(0, slash);
        }
    }
}
