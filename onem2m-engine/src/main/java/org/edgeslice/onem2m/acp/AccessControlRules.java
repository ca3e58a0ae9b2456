package org.edgeslice.onem2m.acp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.Wildcard;

/**
 * The {@code setOfAcrs} data type of {@code pv} and {@code pvs} (TS-0001 §9.6.2; TS-0004 §6.3.5 complex types
 * accessControlRule, accessControlContexts and accessControlObjectDetails): its shape, checked
 * on every CREATE and UPDATE of an {@code <accessControlPolicy>}, and the {@code acor} wildcard match used when
 * evaluating it.
 *
 * <p>Unknown members are refused rather than stored: a restriction the evaluation does not know would be
 * ignored, so the rule would grant more than its author meant.
 */
public final class AccessControlRules {
    private AccessControlRules() {
    }

    /**
     * Checks one {@code pv} or {@code pvs} value.
     *
     * @param name     the attribute, for the error message
     * @param value    its value; {@code null} or JSON null is refused (both attributes are mandatory, TS-0004
     *                 §7.4.2, so an UPDATE cannot remove them either)
     * @param nonEmpty whether at least one rule is required: true for {@code pvs}, because a policy nobody may
     *                 manage can only be repaired by the admin (ACME {@code test_updateACPEmptyPVSFail})
     * @throws Onem2mException 4000 BAD_REQUEST naming what is wrong
     */
    public static void validate(String name, JsonNode value, boolean nonEmpty) {
        if (value == null || value.isNull()) {
            throw Onem2mException.badRequest(name + " is mandatory and cannot be removed");
        }
        if (!value.isObject()) {
            throw Onem2mException.badRequest(name + " must be an object with an acr list");
        }
        onlyMembers(value, name, "acr");
        JsonNode acr = value.get("acr");
        if (acr == null || !acr.isArray()) {
            throw Onem2mException.badRequest(name + " needs an acr list");
        }
        if (nonEmpty && acr.isEmpty()) {
            throw Onem2mException.badRequest(name + " needs at least one access control rule");
        }
        for (JsonNode rule : acr) {
            validateRule(name, rule);
        }
    }

    private static void validateRule(String name, JsonNode rule) {
        String where = name + "/acr";
        if (!rule.isObject()) {
            throw Onem2mException.badRequest(where + " entries must be objects");
        }
        onlyMembers(rule, where, "acor", "acop", "acco", "acaf", "acod", "aca");
        if (!isStringList(rule.get("acor"))) {
            throw Onem2mException.badRequest(where + "/acor must be a list of originators");
        }
        JsonNode acop = rule.get("acop");
        if (acop == null || !acop.isIntegralNumber() || acop.asLong() < 1 || acop.asLong() > 63) {
            // TS-0004 §6.3.4.2.26: a combination of the six operation bits; 0 would be a rule granting nothing
            throw Onem2mException.badRequest(where + "/acop must be an integer between 1 and 63");
        }
        JsonNode acaf = rule.get("acaf");
        if (acaf != null && !acaf.isBoolean()) {
            throw Onem2mException.badRequest(where + "/acaf must be a boolean");
        }
        JsonNode aca = rule.get("aca");
        if (aca != null && !isStringList(aca)) {
            throw Onem2mException.badRequest(where + "/aca must be a list of attribute names");
        }
        eachOfList(rule.get("acco"), where + "/acco", AccessControlRules::validateContext);
        eachOfList(rule.get("acod"), where + "/acod", AccessControlRules::validateObjectDetails);
    }

    /** accessControlContexts (TS-0004 §6.3.5): time windows, location region, IP addresses. */
    private static void validateContext(String where, JsonNode context) {
        if (!context.isObject()) {
            throw Onem2mException.badRequest(where + " entries must be objects");
        }
        onlyMembers(context, where, "actw", "aclr", "acip");
        JsonNode actw = context.get("actw");
        if (actw != null && !isStringList(actw)) {
            throw Onem2mException.badRequest(where + "/actw must be a list of time windows");
        }
        if (actw != null) {
            for (JsonNode window : actw) {
                try {
                    ScheduleEntry.parse(window.asText());
                } catch (IllegalArgumentException e) {
                    throw Onem2mException.badRequest(where + "/actw: " + e.getMessage());
                }
            }
        }
        JsonNode aclr = context.get("aclr");
        if (aclr != null && !aclr.isObject()) {
            throw Onem2mException.badRequest(where + "/aclr must be an object");
        }
        JsonNode acip = context.get("acip");
        if (acip != null) {
            if (!acip.isObject()) {
                throw Onem2mException.badRequest(where + "/acip must be an object");
            }
            onlyMembers(acip, where + "/acip", "ipv4", "ipv6");
            if (acip.has("ipv4") && !isStringList(acip.get("ipv4"))
                    || acip.has("ipv6") && !isStringList(acip.get("ipv6"))) {
                throw Onem2mException.badRequest(where + "/acip ipv4 and ipv6 must be lists of addresses");
            }
            for (String family : new String[] {"ipv4", "ipv6"}) {
                for (JsonNode a : acip.path(family)) {
                    if (!AccessControlContexts.isAddressOrBlock(a.asText(), family.equals("ipv6"))) {
                        throw Onem2mException.badRequest(where + "/acip/" + family + ": " + a.asText()
                                + " is not an " + family + " address or CIDR block");
                    }
                }
            }
        }
    }

    /** accessControlObjectDetails (TS-0004 §6.3.5): resource type, specialization, child resource types. */
    private static void validateObjectDetails(String where, JsonNode details) {
        if (!details.isObject()) {
            throw Onem2mException.badRequest(where + " entries must be objects");
        }
        onlyMembers(details, where, "ty", "spty", "chty");
        JsonNode ty = details.get("ty");
        if (ty != null && !(ty.isIntegralNumber() && ty.asLong() >= 0)) {
            throw Onem2mException.badRequest(where + "/ty must be a resource type");
        }
        JsonNode chty = details.get("chty");
        if (chty != null) {
            boolean ok = chty.isArray();
            for (JsonNode t : chty) {
                ok &= t.isIntegralNumber() && t.asLong() >= 0;
            }
            if (!ok) {
                throw Onem2mException.badRequest(where + "/chty must be a list of resource types");
            }
        }
        JsonNode spty = details.get("spty");
        if (spty != null && !spty.isTextual() && !isStringList(spty)) {
            throw Onem2mException.badRequest(where + "/spty must be a specialization identifier");
        }
    }

    private static void onlyMembers(JsonNode object, String where, String... allowed) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            boolean known = false;
            for (String a : allowed) {
                known |= a.equals(key);
            }
            if (!known) {
                throw Onem2mException.badRequest("unknown member " + key + " in " + where);
            }
        }
    }

    private static boolean isStringList(JsonNode n) {
        if (n == null || !n.isArray()) {
            return false;
        }
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether an {@code acor} entry names the originator: equal, {@code all}, or a pattern in which each
     * {@code *} stands for any sequence of characters, wherever it is ({@code Cyet*Originator}, as ACME's
     * {@code simpleMatch}; {@link Wildcard#matches}, shared with the attribute conditions of discovery).
     */
    public static boolean acorMatches(String acor, String originator) {
        if (acor.equals(originator) || "all".equals(acor)) {
            return true;
        }
        return acor.indexOf('*') >= 0 && Wildcard.matches(acor, originator);
    }

    /** An optional list member: absent is fine, anything but a list is 4000, each element is checked. */
    private static void eachOfList(JsonNode list, String where, java.util.function.BiConsumer<String, JsonNode> check) {
        if (list == null) {
            return;
        }
        if (!list.isArray()) {
            throw Onem2mException.badRequest(where + " must be a list");
        }
        for (JsonNode element : list) {
            check.accept(where, element);
        }
    }
}
