package org.edgeslice.onem2m.acp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.Operation;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.store.ResourceStore;

/**
 * Access decision for every request (TS-0001 §7.1.5 and §9.6.2; TS-0003 §7.1).
 *
 * <p>Order of evaluation:
 * <ol>
 *   <li>the configured admin originator may do everything;</li>
 *   <li>if the governing resource has {@code acpi}, the operation is allowed iff one of those
 *       {@code <accessControlPolicy>}s has a {@code pv} rule whose {@code acor} holds the originator (or
 *       {@code all}/{@code *}) and whose {@code acop} has the operation's bit (TS-0004 §6.3.4.2.26). For an
 *       {@code <accessControlPolicy>} itself, its {@code pvs} governs. A contentInstance, which has no
 *       {@code acpi}, is governed by its parent container (TS-0001 §9.6.7);</li>
 *   <li>without {@code acpi}, the default policy: the AE that owns the subtree (the AE whose AE-ID is the
 *       originator, at or above the resource) may do everything; anyone may RETRIEVE/DISCOVER the CSEBase and
 *       CREATE an AE under it (registration has its own checks). Everything else is denied: 4103.</li>
 * </ol>
 */
public final class AccessControl {
    private final ResourceStore store;
    private final String admin;
    private final String cseName;

    public AccessControl(ResourceStore store, String adminOriginator, String cseName) {
        this.store = store;
        this.admin = adminOriginator;
        this.cseName = cseName;
    }

    /**
     * @param target      the resource the operation applies to (for CREATE: the parent)
     * @param createdType for CREATE, the type to create; else null
     * @throws Onem2mException 4103 ORIGINATOR_HAS_NO_PRIVILEGE
     */
    public void check(String originator, Operation op, Resource target, ResourceType createdType) {
        if (!isAllowed(originator, op, target, createdType)) {
            throw new Onem2mException(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE,
                    "originator " + originator + " has no " + op + " privilege on " + target.path());
        }
    }

    public boolean isAllowed(String originator, Operation op, Resource target, ResourceType createdType) {
        if (admin.equals(originator)) {
            return true;
        }
        Resource governing = target;
        if (target.type() == ResourceType.CONTENT_INSTANCE) {
            governing = store.get(target.pi()).orElse(target);
        }
        List<String> acpi = governing.textList("acpi");
        if (governing.type() == ResourceType.ACCESS_CONTROL_POLICY) {
            if (grants(governing.attrs().get("pvs"), originator, op)) {
                return true;
            }
        } else if (!acpi.isEmpty()) {
            for (String id : acpi) {
                Resource acp = store.get(id).orElseGet(() -> store.getByPath(id).orElse(null));
                if (acp != null && acp.type() == ResourceType.ACCESS_CONTROL_POLICY
                        && grants(acp.attrs().get("pv"), originator, op)) {
                    return true;
                }
            }
            // an explicit policy replaces the default one, except that the owner never locks itself out of
            // its own registration: TS-0001 leaves that to the CSE, and ACME does the same
            return isOwner(originator, target) && target.type() == ResourceType.AE;
        }
        if (target.type() == ResourceType.CSE_BASE) {
            return op == Operation.RETRIEVE || op == Operation.DISCOVERY
                    || op == Operation.CREATE && createdType == ResourceType.AE;
        }
        return isOwner(originator, target);
    }

    /** Whether the originator is the AE owning the resource (the AE at or above it in the tree). */
    public boolean isOwner(String originator, Resource r) {
        if (originator == null || originator.isEmpty()) {
            return false;
        }
        if (r.type() == ResourceType.AE) {
            return originator.equals(r.ri());
        }
        String path = r.path();
        int first = path.indexOf('/');
        if (first < 0) {
            return false;
        }
        int second = path.indexOf('/', first + 1);
        String aePath = second < 0 ? path : path.substring(0, second);
        return store.getByPath(aePath)
                .filter(ae -> ae.type() == ResourceType.AE && originator.equals(ae.ri()))
                .isPresent() || originator.equals(r.text("cr"));
    }

    private static boolean grants(JsonNode privileges, String originator, Operation op) {
        if (privileges == null || !privileges.has("acr")) {
            return false;
        }
        for (JsonNode rule : privileges.get("acr")) {
            long acop = rule.path("acop").asLong(0);
            if ((acop & op.acopBit()) == 0) {
                continue;
            }
            for (JsonNode acor : rule.path("acor")) {
                String who = acor.asText();
                if (who.equals(originator) || "all".equals(who) || "*".equals(who)
                        || who.endsWith("*") && originator.startsWith(who.substring(0, who.length() - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    public String cseName() {
        return cseName;
    }
}
