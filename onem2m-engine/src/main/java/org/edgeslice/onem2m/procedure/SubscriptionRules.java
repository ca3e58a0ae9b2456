package org.edgeslice.onem2m.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.resource.AttributeType;

/**
 * The values a {@code <subscription>} may hold (TS-0004 §7.4.8.2, §6.3.5.x m2m:eventNotificationCriteria), checked
 * on the attributes a CREATE gives and on the result of an UPDATE. Values the standard defines but this CSE does not
 * act on are 5001 NOT_IMPLEMENTED rather than stored and ignored: a client that asks for pending notifications or
 * notification statistics would otherwise silently get something else. Values the standard does not define are
 * 4000. Batched ({@code bn}) and rate-limited ({@code rl}) notifications are checked here and acted on by the
 * notification service; their durations are capped at {@link #MAX_PACING} so that what waits stays bounded.
 */
final class SubscriptionRules {
    /** notificationEventType values this CSE delivers: update, delete, create child, delete child. */
    private static final int MAX_NET_IMPLEMENTED = 4;
    /** notificationEventType values defined up to Release 5. */
    private static final int MAX_NET_DEFINED = 11;
    /** notificationContentType: all attributes, modified attributes, resource id (4, 5 are defined, not done). */
    private static final int MAX_NCT_IMPLEMENTED = 3;
    private static final int MAX_NCT_DEFINED = 5;
    /** eventNotificationCriteria members this CSE evaluates, and the ones it knows but does not evaluate. */
    private static final Set<String> ENC_EVALUATED = Set.of("net", "chty");
    private static final Set<String> ENC_DEFINED = Set.of("crb", "cra", "ms", "us", "sts", "stb", "exb", "exa",
            "sza", "szb", "om", "atr", "md", "nsp", "gq", "cty");
    /** Subscription attributes that ask for behaviour this CSE does not have (pending notifications, stats). */
    private static final Set<String> NOT_IMPLEMENTED = Set.of("pn", "psn", "nfu");
    private static final int NCT_MODIFIED_ATTRIBUTES = 2;
    /** The longest {@code bn/dur} and {@code rl/tww}: notifications wait in memory, so not for ever. */
    static final java.time.Duration MAX_PACING = java.time.Duration.ofDays(1);
    private static final int NET_CREATE_CHILD = 3;

    private SubscriptionRules() {
    }

    static void check(ObjectNode sub) {
        for (String a : NOT_IMPLEMENTED) {
            if (sub.hasNonNull(a)) {
                throw notImplemented("subscription attribute " + a + " is not supported by this CSE");
            }
        }
        for (String flag : new String[] {"ln", "nse"}) {
            if (sub.path(flag).asBoolean(false)) {
                throw notImplemented("subscription attribute " + flag + "=true is not supported by this CSE");
            }
        }
        checkBatchNotify(sub.get("bn"));
        checkRateLimit(sub.get("rl"));
        int nct = (int) sub.path("nct").asLong(1);
        if (nct < 1 || nct > MAX_NCT_DEFINED) {
            throw Onem2mException.badRequest("nct must be a notificationContentType (1-" + MAX_NCT_DEFINED + ")");
        }
        if (nct > MAX_NCT_IMPLEMENTED) {
            throw notImplemented("nct=" + nct + " is not supported by this CSE");
        }
        JsonNode enc = sub.get("enc");
        if (enc == null || enc.isNull()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = enc.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (ENC_DEFINED.contains(key)) {
                throw notImplemented("eventNotificationCriteria " + key + " is not supported by this CSE");
            }
            if (!ENC_EVALUATED.contains(key)) {
                throw Onem2mException.badRequest("unknown eventNotificationCriteria member " + key);
            }
        }
        JsonNode net = enc.get("net");
        if (net != null) {
            if (!net.isArray()) {
                throw Onem2mException.badRequest("enc/net must be a list of notificationEventTypes");
            }
            for (JsonNode n : net) {
                int v = n.isIntegralNumber() ? n.asInt() : -1;
                if (v < 1 || v > MAX_NET_DEFINED) {
                    throw Onem2mException.badRequest("enc/net holds an unknown notificationEventType " + n);
                }
                if (v > MAX_NET_IMPLEMENTED) {
                    throw notImplemented("notificationEventType " + v + " is not supported by this CSE");
                }
                // TS-0004 §7.4.8.2.1: "modified attributes" has no meaning for a child's creation
                if (v == NET_CREATE_CHILD && nct == NCT_MODIFIED_ATTRIBUTES) {
                    throw Onem2mException.badRequest("nct=2 (modified attributes) cannot be combined with net=3");
                }
            }
        }
        JsonNode chty = enc.get("chty");
        if (chty != null && !AttributeType.INT_LIST.accepts(chty)) {
            throw Onem2mException.badRequest("enc/chty must be a list of resource types");
        }
    }

    /**
     * batchNotify (TS-0004 m2m:batchNotify): {@code num}, a positive number of notifications, and {@code dur}, a
     * duration; at least one of them, nothing else.
     */
    private static void checkBatchNotify(JsonNode bn) {
        if (bn == null || bn.isNull()) {
            return;
        }
        onlyMembers(bn, "bn", "num", "dur");
        if (bn.isEmpty()) {
            throw Onem2mException.badRequest("bn needs num, dur or both");
        }
        positive(bn, "bn", "num", false);
        duration(bn, "bn", "dur", false);
    }

    /** rateLimit (TS-0004 m2m:rateLimit): {@code mnn} notifications at most per time window {@code tww}. */
    private static void checkRateLimit(JsonNode rl) {
        if (rl == null || rl.isNull()) {
            return;
        }
        onlyMembers(rl, "rl", "mnn", "tww");
        positive(rl, "rl", "mnn", true);
        duration(rl, "rl", "tww", true);
    }

    private static void onlyMembers(JsonNode value, String name, String... members) {
        if (!value.isObject()) {
            throw Onem2mException.badRequest(name + " must be an object");
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String member = names.next();
            if (!Set.of(members).contains(member)) {
                throw Onem2mException.badRequest("unknown " + name + " member " + member);
            }
        }
    }

    private static void positive(JsonNode value, String name, String member, boolean mandatory) {
        JsonNode n = value.get(member);
        if (n == null && !mandatory) {
            return;
        }
        if (n == null || !n.isIntegralNumber() || n.asLong() < 1) {
            throw Onem2mException.badRequest(name + "/" + member + " must be a positive integer");
        }
    }

    /** An ISO 8601 duration above zero (xs:duration, e.g. {@code PT5S}). */
    private static void duration(JsonNode value, String name, String member, boolean mandatory) {
        JsonNode n = value.get(member);
        if (n == null && !mandatory) {
            return;
        }
        java.time.Duration d = null;
        if (n != null && n.isTextual()) {
            try {
                d = java.time.Duration.parse(n.asText());
            } catch (java.time.format.DateTimeParseException e) {
                d = null;
            }
        }
        if (d == null || d.isNegative() || d.isZero() || d.compareTo(MAX_PACING) > 0) {
            throw Onem2mException.badRequest(name + "/" + member + " must be an ISO 8601 duration above zero and "
                    + "at most a day, e.g. PT5S");
        }
    }

    private static Onem2mException notImplemented(String message) {
        return new Onem2mException(ResponseStatusCode.NOT_IMPLEMENTED, message);
    }
}
