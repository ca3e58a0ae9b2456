package org.edgeslice.onem2m.acp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
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
 *   <li>an {@code <accessControlPolicy>} is governed by its own {@code pvs} alone (TS-0001 §9.6.2), whatever
 *       the operation, including CREATE of a {@code <subscription>} under it;</li>
 *   <li>if the governing resource has {@code acpi}, the operation is allowed iff one of those
 *       {@code <accessControlPolicy>}s has a {@code pv} rule whose {@code acor} names the originator (exactly,
 *       {@code all}, or a pattern with {@code *} wildcards), whose {@code acop} has the operation's bit
 *       (TS-0004 §6.3.4.2.26), whose {@code acod}, if any, covers the resource type and whose {@code acco}, if
 *       any, holds for the request ({@link AccessControlContexts}: time windows, source address). A change of {@code acpi}
 *       itself needs UPDATE in the {@code pvs} of those policies instead ({@link #checkUpdate}). A
 *       contentInstance, which has no {@code acpi}, is governed by its parent container (TS-0001 §9.6.7);</li>
 *   <li>without {@code acpi} but with a custodian ({@code cstn}, Release 4), the custodian alone may do
 *       everything;</li>
 *   <li>without {@code acpi}, the default policy: the AE that owns the subtree (the AE whose AE-ID is the
 *       originator, at or above the resource) may do everything; anyone may CREATE an AE under the CSEBase
 *       (registration has its own checks); a registered AE may CREATE an {@code <accessControlPolicy>} under it
 *       (ACME {@code test_createACPUnderCSEBaseWithOriginator}: an AE needs somewhere to put policies shared by
 *       several of its resources, and the new policy is governed by its own {@code pvs} alone); who may
 *       RETRIEVE/DISCOVER the CSEBase is the {@link CseBaseAccess} setting. Everything else is denied: 4103.</li>
 * </ol>
 */
public final class AccessControl {
    private final ResourceStore store;
    private final String admin;
    private final String cseName;
    private final CseBaseAccess cseBaseAccess;
    private final String cseId;
    private final String cseRi;

    /** With the CSEBase open to anyone's RETRIEVE ({@link CseBaseAccess#ANYONE}). */
    public AccessControl(ResourceStore store, String adminOriginator, String cseName) {
        this(store, adminOriginator, cseName, null, CseBaseAccess.ANYONE);
    }

    /**
     * @param cseId         the CSE-ID ({@code /id-mn}): the CSE itself counts as a known originator, with or
     *                      without the slash; may be null
     * @param cseBaseAccess who may RETRIEVE/DISCOVER the CSEBase without {@code acpi}
     */
    public AccessControl(ResourceStore store, String adminOriginator, String cseName, String cseId,
                         CseBaseAccess cseBaseAccess) {
        this.store = store;
        this.admin = adminOriginator;
        this.cseName = cseName;
        this.cseId = cseId;
        this.cseRi = cseId == null || !cseId.startsWith("/") ? cseId : cseId.substring(1);
        this.cseBaseAccess = cseBaseAccess;
    }

    /**
     * @param target      the resource the operation applies to (for CREATE: the parent)
     * @param createdType for CREATE, the type to create; else null
     * @throws Onem2mException 4103 ORIGINATOR_HAS_NO_PRIVILEGE
     */
    public void check(Originator originator, Operation op, Resource target, ResourceType createdType) {
        if (!isAllowed(originator, op, target, createdType)) {
            throw new Onem2mException(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE,
                    "originator " + originator.id() + " has no " + op + " privilege on " + target.path());
        }
    }

    /**
     * CREATE (TS-0001 §10.1.2): CREATE privilege on the parent and, for a {@code <subscription>}, RETRIEVE privilege
     * on the subscribed-to resource, which is the parent (TS-0004 §7.4.8.2.1). The generic check comes first, as
     * in TS-0004 §7.3.3.2 the generic procedure precedes the type-specific one.
     *
     * @throws Onem2mException 4103 ORIGINATOR_HAS_NO_PRIVILEGE, or 4101 SUBSCRIPTION_CREATOR_HAS_NO_PRIVILEGE
     */
    public void checkCreate(Originator originator, Resource parent, ResourceType type) {
        check(originator, Operation.CREATE, parent, type);
        if (type == ResourceType.SUBSCRIPTION && !isAllowed(originator, Operation.RETRIEVE, parent, null)) {
            throw new Onem2mException(ResponseStatusCode.SUBSCRIPTION_CREATOR_HAS_NO_PRIVILEGE,
                    "originator " + originator.id() + " has no RETRIEVE privilege on " + parent.path()
                            + ", so it cannot subscribe to it");
        }
    }

    /**
     * UPDATE (TS-0001 §10.1.4). A change of {@code acpi} (a new list, or {@code null} to remove it) is authorised by
     * the self-privileges ({@code pvs}) of the policies the resource has now, not by their {@code pv}
     * (TS-0001 §9.6.2: {@code pvs} governs who may change a policy's association; ACME
     * {@code test_updateAEACPIWrongOriginator}); without {@code acpi} the default policy applies as for any
     * UPDATE. Such a request must change nothing else (4000), because one request is authorised against one set
     * of privileges (ACME's {@code checkAcpiUpdatePermission} does the same).
     *
     * @param content the request content ({@code {"m2m:xx": {...}}}); a malformed one is left to the procedure
     * @throws Onem2mException 4000 for {@code acpi} beside other attributes, 4103 ORIGINATOR_HAS_NO_PRIVILEGE
     */
    public void checkUpdate(Originator originator, Resource target, JsonNode content) {
        JsonNode changes = content != null && content.isObject() && content.size() == 1
                ? content.elements().next() : null;
        if (changes == null || !changes.isObject() || !changes.has("acpi")
                || target.type() == ResourceType.ACCESS_CONTROL_POLICY) {
            check(originator, Operation.UPDATE, target, null);
            return;
        }
        if (changes.size() > 1) {
            throw Onem2mException.badRequest("acpi must be the only attribute of an UPDATE that changes it");
        }
        JsonNode acpi = target.attrs().get("acpi");
        if (admin.equals(originator.id()) || acpi == null || !acpi.isArray() || acpi.isEmpty()) {
            check(originator, Operation.UPDATE, target, null);
            return;
        }
        if (anyGrants(acpi, "pvs", originator, Operation.UPDATE, ResourceType.ACCESS_CONTROL_POLICY, null)) {
            return;
        }
        throw new Onem2mException(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, "originator " + originator.id()
                + " has no UPDATE self-privilege in the access control policies of " + target.path());
    }

    /**
     * The policy-related attributes of a CREATE or UPDATE body, after the generic attribute validation:
     * every {@code acpi} entry names an existing {@code <accessControlPolicy>} (TS-0001 §9.6.1.3; 4000 as
     * ACME's {@code _checkAndFixACPIreferences}, and an empty list is refused too: {@code null} removes the
     * attribute), and an {@code <accessControlPolicy>}'s {@code pv}/{@code pvs} are well formed
     * ({@link AccessControlRules#validate}).
     *
     * @param create whether the body is a CREATE (pv and pvs then must be present)
     * @throws Onem2mException 4000 BAD_REQUEST
     */
    public void validatePolicyAttributes(ResourceType type, JsonNode body, boolean create) {
        // a group's membersAccessControlPolicyIDs (TS-0001 §9.6.13) name policies the same way
        for (String name : type == ResourceType.GROUP ? new String[] {"acpi", "macp"} : new String[] {"acpi"}) {
            JsonNode ids = body.get(name);
            if (ids == null || ids.isNull()) {
                continue;
            }
            if (!ids.isArray() || ids.isEmpty()) {
                throw Onem2mException.badRequest(name + " must list at least one accessControlPolicy; "
                        + "null removes it");
            }
            for (JsonNode id : ids) {
                if (policy(id.asText()) == null) {
                    throw Onem2mException.badRequest(name + " names " + id.asText()
                            + ", which is not an accessControlPolicy of this CSE");
                }
            }
        }
        if (type == ResourceType.ACCESS_CONTROL_POLICY) {
            if (create || body.has("pv")) {
                AccessControlRules.validate("pv", body.get("pv"), false);
            }
            if (create || body.has("pvs")) {
                AccessControlRules.validate("pvs", body.get("pvs"), true);
            }
        }
    }

    /**
     * Notification targets of a {@code <subscription>} that are resources (an AE-ID or other resource address in
     * {@code nu}, not a URL): the subscriber must have NOTIFY privilege on each (TS-0004 §7.4.8.2.1; ONEM2M notes:
     * "the nu list is ACP-checked"), or any originator could have the CSE notify any AE. A target the subscriber
     * is itself, and one that does not resolve (the verification request then fails), are not checked here.
     *
     * @param resolve finds a resource by address
     * @throws Onem2mException 4101 SUBSCRIPTION_CREATOR_HAS_NO_PRIVILEGE
     */
    public void checkNotificationTargets(Originator subscriber, java.util.List<String> nus,
                                         java.util.function.Function<String, java.util.Optional<Resource>> resolve) {
        for (String nu : nus) {
            if (nu.startsWith("http://") || nu.startsWith("https://") || nu.equals(subscriber.id())) {
                continue;
            }
            Resource target = resolve.apply(nu).orElse(null);
            if (target != null && !isAllowed(subscriber, Operation.NOTIFY, target, null)) {
                throw new Onem2mException(ResponseStatusCode.SUBSCRIPTION_CREATOR_HAS_NO_PRIVILEGE, "originator "
                        + subscriber.id() + " has no NOTIFY privilege on the notification target " + nu);
            }
        }
    }

    /**
     * Access to a group's {@code <fanOutPoint>} (TS-0001 §9.6.13, §9.6.14): the policies of the group's
     * {@code macp} when it has them, else the group's own access rules. Each member request is then checked
     * against the member's own rules as any request is.
     *
     * @throws Onem2mException 4103 ORIGINATOR_HAS_NO_PRIVILEGE
     */
    public void checkFanOut(Originator originator, Operation op, Resource group, ResourceType createdType) {
        JsonNode macp = group.attrs().get("macp");
        if (macp == null || !macp.isArray() || macp.isEmpty()) {
            check(originator, op, group, createdType);
            return;
        }
        if (admin.equals(originator.id())) {
            return;
        }
        if (anyGrants(macp, "pv", originator, op, group.type(), createdType)) {
            return;
        }
        throw new Onem2mException(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, "originator " + originator.id()
                + " has no " + op + " privilege in the membersAccessControlPolicyIDs of " + group.path());
    }

    public boolean isAllowed(Originator who, Operation op, Resource target, ResourceType createdType) {
        String originator = who.id();
        if (admin.equals(originator)) {
            return true;
        }
        Resource governing = target;
        if (target.type() == ResourceType.CONTENT_INSTANCE) {
            governing = store.get(target.pi()).orElse(target);
        }
        if (governing.type() == ResourceType.ACCESS_CONTROL_POLICY) {
            // its own pvs only (TS-0001 §9.6.2): the AE the policy sits under gets no default rights on it
            return grants(governing.attrs().get("pvs"), who, op, governing.type(), createdType);
        }
        JsonNode acpi = governing.attrs().get("acpi");
        if (acpi != null && acpi.isArray() && !acpi.isEmpty()) {
            if (anyGrants(acpi, "pv", who, op, governing.type(), createdType)) {
                return true;
            }
            // an explicit policy replaces the default one, except that the owner never locks itself out of
            // its own registration: TS-0001 leaves that to the CSE, and ACME does the same
            return isOwner(originator, target) && target.type() == ResourceType.AE;
        }
        JsonNode custodian = governing.attrs().get("cstn");
        if (custodian != null && custodian.isTextual()) {
            // TS-0001 §9.6.1.3.2 (Release 4): without acpi the custodian holds all privileges, in place of the
            // owner (ACME testACP: the AE above a container with a custodian gets 4103); an AE keeps access to its
            // own registration, as with acpi
            return custodian.asText().equals(originator)
                    || target.type() == ResourceType.AE && isOwner(originator, target);
        }
        if (target.type() == ResourceType.CSE_BASE) {
            if (op == Operation.RETRIEVE || op == Operation.DISCOVERY) {
                return cseBaseAccess == CseBaseAccess.ANYONE || isKnownOriginator(originator);
            }
            return op == Operation.CREATE && (createdType == ResourceType.AE
                    || createdType == ResourceType.ACCESS_CONTROL_POLICY && isRegisteredAe(originator));
        }
        return isOwner(originator, target);
    }

    /** The admin, the CSE itself, or a registered AE ({@link CseBaseAccess#REGISTERED}). */
    private boolean isKnownOriginator(String originator) {
        if (originator == null || originator.isEmpty()) {
            return false;
        }
        if (cseId != null && (originator.equals(cseId) || originator.equals(cseRi))) {
            return true;
        }
        return isRegisteredAe(originator);
    }

    /** Whether the originator is the AE-ID of an AE registered at this CSE (its {@code ri} is the AE-ID). */
    private boolean isRegisteredAe(String originator) {
        if (originator == null || originator.isEmpty()) {
            return false;
        }
        return store.get(originator).filter(r -> r.type() == ResourceType.AE).isPresent();
    }

    /**
     * Resolves one {@code acpi} entry as the engine always has: an unstructured resource id, else a structured
     * CSE-relative address.
     *
     * @return the {@code <accessControlPolicy>}, or null if the entry names nothing or another type
     */
    private Resource policy(String id) {
        Resource r = store.get(id).orElse(null);
        if (r == null) {
            r = store.getByPath(id).orElse(null);
        }
        return r != null && r.type() == ResourceType.ACCESS_CONTROL_POLICY ? r : null;
    }

    /**
     * Whether one of the policies named by {@code ids} grants the operation through its {@code pv} or {@code pvs}
     * ({@code privileges}).
     */
    private boolean anyGrants(JsonNode ids, String privileges, Originator originator, Operation op,
                              ResourceType targetType, ResourceType createdType) {
        for (JsonNode id : ids) {
            Resource acp = policy(id.asText());
            if (acp != null && grants(acp.attrs().get(privileges), originator, op, targetType, createdType)) {
                return true;
            }
        }
        return false;
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

    /**
     * Whether a {@code pv}/{@code pvs} grants the operation: some rule has the operation's {@code acop} bit
     * (TS-0004 §6.3.4.2.26), its {@code acod} (if any) covers the resource type, its {@code acor} names the
     * originator ({@link AccessControlRules#acorMatches}) and its {@code acco} (if any) holds now
     * ({@link AccessControlContexts}).
     */
    private static boolean grants(JsonNode privileges, Originator originator, Operation op, ResourceType targetType,
                                  ResourceType createdType) {
        JsonNode acr = privileges == null ? null : privileges.get("acr");
        if (acr == null) {
            return false;
        }
        for (JsonNode rule : acr) {
            long acop = rule.path("acop").asLong(0);
            if ((acop & op.acopBit()) == 0 || !objectDetailsCover(rule.get("acod"), op, targetType, createdType)) {
                continue;
            }
            JsonNode acor = rule.get("acor");
            if (acor == null) {
                continue;
            }
            for (JsonNode who : acor) {
                if (AccessControlRules.acorMatches(who.asText(), originator.id())) {
                    // contexts last: they are the rare part, and a time window costs a parse
                    JsonNode acco = rule.get("acco");
                    if (acco == null || AccessControlContexts.hold(acco, originator, Instant.now())) {
                        return true;
                    }
                    break;
                }
            }
        }
        return false;
    }

    /**
     * accessControlObjectDetails (TS-0001 §9.6.2): a rule with {@code acod} applies only to the resource types
     * listed ({@code ty}) and, for CREATE, only to the child types listed ({@code chty}); absent members do not
     * restrict (ACME {@code test_createACPUnderAEWithChty}).
     */
    private static boolean objectDetailsCover(JsonNode acod, Operation op, ResourceType targetType,
                                              ResourceType createdType) {
        if (acod == null || !acod.isArray() || acod.isEmpty()) {
            return true;
        }
        for (JsonNode details : acod) {
            JsonNode ty = details.get("ty");
            if (ty != null && ty.asInt(-1) != targetType.ty()) {
                continue;
            }
            JsonNode chty = details.get("chty");
            if (op == Operation.CREATE && chty != null && !containsInt(chty, createdType == null ? -1
                    : createdType.ty())) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static boolean containsInt(JsonNode list, int value) {
        for (JsonNode e : list) {
            if (e.asInt(-2) == value) {
                return true;
            }
        }
        return false;
    }

    public String cseName() {
        return cseName;
    }
}
