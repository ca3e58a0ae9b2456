package org.edgeslice.handler.slice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Set;

/**
 * A running slice on this MEC host as the handler knows it (immutable value).
 *
 * @param appInstanceId the slice's ME App instance (the table's key: the id the MEC platform knows it by)
 * @param sliceId       the ISCL's slice id, when the slice came through the ISCL
 * @param functions     functions the slice serves now (from the ISCL's answer, then kept current by the MEC
 *                      service availability notifications)
 * @param endpoints     function → oneM2M endpoint URI ("http" for the main endpoint)
 * @param services      MEC service instance id → function, for the services the platform told us about
 * @param users         ids of the completed device requests the slice serves
 * @param lastUsedAt    ISO-8601: when the last user left (or the slice was last given a user)
 * @param releasing     a release was asked of the ISCL; the slice is no longer offered to new requests
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SliceEntry(String appInstanceId, String sliceId, String hostId, Set<String> functions,
                         Map<String, String> endpoints, Map<String, String> services, Set<String> users,
                         String lastUsedAt, boolean releasing, String cseId, String cseName) {

    public SliceEntry {
        functions = functions == null ? Set.of() : Set.copyOf(functions);
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
        services = services == null ? Map.of() : Map.copyOf(services);
        users = users == null ? Set.of() : Set.copyOf(users);
    }

    /** Data management travels with registration in a slice (the slice serves both on one endpoint). */
    public boolean covers(Set<String> wanted) {
        if (releasing) {
            return false;
        }
        for (String f : wanted) {
            boolean served = functions.contains(f)
                    || f.equals("data-management") && functions.contains("registration");
            if (!served) {
                return false;
            }
        }
        return true;
    }

    /** The slice's main endpoint serving every function, if it has one. */
    public String pointOfAccess() {
        return endpoints.get("http");
    }
}
