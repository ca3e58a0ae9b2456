package org.edgeslice.onem2m.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.edgeslice.onem2m.acp.Originator;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.common.Timestamps;
import org.edgeslice.onem2m.resource.AttributeValidator;
import org.edgeslice.onem2m.resource.IdGenerator;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.resource.ResourceSchema;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;
import org.edgeslice.onem2m.store.WriteBatch;

/**
 * CREATE (TS-0001 §10.1.2, TS-0004 §7.3.3.2 and the per-type rules of §7.4): parent exists and may hold the type
 * (4108), the body holds exactly one element of that type (4000), attributes are valid (4000), the name is free
 * under the parent (4105), and the type's own rules (AE registration, container limits, subscription
 * verification). The resource, the parent's bookkeeping and any evicted instances are written in one batch.
 */
final class CreateProcedure {
    private final CseContext ctx;

    CreateProcedure(CseContext ctx) {
        this.ctx = ctx;
    }

    Response create(Request req, Target target, ResourceType type) {
        if (target.isVirtual()) {
            throw Onem2mException.notAllowed("CREATE on la/ol is not allowed");
        }
        int rcn = ResultContent.choose(req.resultContent(), 1, ResultContent.CREATE);
        Resource parent = target.resource();
        ObjectNode body = unwrap(req.content(), type);
        ResourceSchema schema = ResourceSchema.of(type);
        if (!ResourceSchema.of(parent.type()).allowsChild(type)) {
            throw new Onem2mException(ResponseStatusCode.INVALID_CHILD_RESOURCE_TYPE,
                    type.root() + " cannot be created under " + parent.type().root());
        }
        // creator (TS-0001 §9.6.1.3.2, TS-0004 §7.4.x): set only when the CREATE asks for it with "cr": null
        boolean wantCreator = takeCreatorRequest(body, schema);
        // what the originator sent, for rcn=9 (the attributes the CSE assigned or changed)
        ObjectNode sent = rcn == 9 ? body.deepCopy() : null;
        AttributeValidator.validateCreate(schema, body);
        checkName(body);
        if (parent.type() == ResourceType.GROUP && body.has("rn")
                && FanOutProcedure.FOPT.equals(body.get("rn").asText())) {
            // TS-0001 §9.6.13: the group's virtual <fanOutPoint> has that name
            throw Onem2mException.badRequest("fopt names the group's fanOutPoint");
        }
        if (type == ResourceType.CONTENT_INSTANCE) {
            checkContentInfo(body.get("cnf"));
            JsonNode dcnt = body.get("dcnt");
            if (dcnt != null && dcnt.asLong() < 1) {
                // deletionCnt is a positive integer: 0 would have the instance deleted before anyone read it
                throw Onem2mException.badRequest("dcnt must be at least 1");
            }
        }
        checkExpiration(body);
        Instant now = Instant.now();
        String ri;
        if (type == ResourceType.AE) {
            AeRegistration.checkAttributes(body, req.releaseVersion());
            AeRegistration.checkSerializationsAndReleases(body);
            ri = null; // assigned under the lock: the AE-ID must be unique
        } else {
            ri = newId(type);
        }
        ctx.access().validatePolicyAttributes(type, body, true);
        if (type == ResourceType.SUBSCRIPTION) {
            SubscriptionRules.check(body);
            // before taking the lock: verification is a network round trip per target
            if (!ctx.notificationsEnabled()) {
                throw new Onem2mException(ResponseStatusCode.NOT_IMPLEMENTED,
                        "this IoT slice has no notification function, so it cannot serve subscriptions");
            }
            ctx.access().checkNotificationTargets(Originator.of(req), textList(body.get("nu")), ctx.resolver()::find);
            ctx.notifications().verify(ri, textList(body.get("nu")), req.from());
        }

        Resource created;
        List<Resource> evicted = List.of();
        List<Resource> groupsLeft = List.of();
        ctx.writeLock().lock();
        try {
            // the parent may have been deleted while we verified
            parent = ctx.store().get(parent.ri()).orElseThrow(() -> Onem2mException.notFound("parent deleted"));
            WriteBatch batch = new WriteBatch();
            if (type == ResourceType.AE) {
                ri = AeRegistration.assignAeId(req.from(), ctx.config().cseId(), ctx.store());
                body.put("aei", ri);
            }
            String rn = body.hasNonNull("rn") ? body.get("rn").asText() : ri;
            if (ctx.store().hasChildNamed(parent.ri(), rn)) {
                throw new Onem2mException(ResponseStatusCode.CONFLICT, "a resource named " + rn + " exists already");
            }
            ObjectNode attrs = Json.object();
            attrs.put("rn", rn);
            attrs.put("ty", type.ty());
            attrs.put("ri", ri);
            attrs.put("pi", parent.ri());
            String ts = Timestamps.format(now);
            attrs.put("ct", ts);
            attrs.put("lt", ts);
            if (!body.hasNonNull("et")) {
                attrs.put("et", Timestamps.format(now.plus(ctx.config().defaultExpiry())));
            }
            body.remove("rn");
            attrs.setAll(body);
            if (wantCreator) {
                attrs.put("cr", req.from());
            }
            switch (type) {
                case CONTAINER -> {
                    attrs.put("cni", 0);
                    attrs.put("cbs", 0);
                    attrs.put("st", 0);
                }
                case CONTENT_INSTANCE -> {
                    evicted = createInstance(parent, attrs, batch, now);
                    groupsLeft = ctx.remove(evicted, batch);
                }
                case GROUP -> ctx.groups().validate(attrs, ri, Originator.of(req), true);
                case SUBSCRIPTION -> {
                    if (!attrs.has("nct")) {
                        attrs.put("nct", 1); // TS-0004 §7.4.8.1: notificationContentType defaults to 1 (all attributes)
                    }
                }
                default -> {
                }
            }
            created = new Resource(type, attrs, parent.path() + "/" + rn);
            batch.create(created);
            ctx.store().write(batch);
            if (type == ResourceType.GROUP) {
                ctx.groups().written(null, created);
            }
            ctx.groups().removed(evicted, groupsLeft);
        } finally {
            ctx.writeLock().unlock();
        }
        ctx.announce(groupsLeft);
        if (ctx.notificationsEnabled()) {
            ctx.notifications().childCreated(parent, created);
        }
        JsonNode content = rcn == 9
                ? Json.object().set(type.root(), assignedByCse(created.attrs(), sent))
                : ResultContent.render(created, rcn);
        return new Response(ResponseStatusCode.CREATED, content, created.path());
    }

    /**
     * CIN rules (TS-0001 §9.6.7): size, creator, state tag, and the parent's counters and limits.
     *
     * @return the instances the container's limits evict (not yet in {@code batch})
     */
    private List<Resource> createInstance(Resource container, ObjectNode attrs, WriteBatch batch, Instant now) {
        JsonNode con = attrs.get("con");
        long cs = con.isTextual() ? con.asText().getBytes(StandardCharsets.UTF_8).length : Json.write(con).length;
        long mbs = container.longValue("mbs", -1);
        if (mbs >= 0 && cs > mbs) {
            throw new Onem2mException(ResponseStatusCode.NOT_ACCEPTABLE,
                    "content size " + cs + " exceeds the container's mbs " + mbs);
        }
        Resource parent = container.copy();
        List<Resource> evicted = ContainerPolicy.evictions(ctx.store(), container, true, cs, now);
        long st = parent.longValue("st", 0) + 1;
        attrs.put("cs", cs);
        attrs.put("st", st);
        ObjectNode p = parent.attrs();
        p.put("cni", parent.longValue("cni", 0) + 1);
        p.put("cbs", parent.longValue("cbs", 0) + cs);
        ContainerPolicy.account(parent, evicted);
        p.put("st", st);
        p.put("lt", attrs.get("ct").asText());
        batch.update(parent);
        return evicted;
    }

    private String newId(ResourceType type) {
        String id;
        do {
            id = IdGenerator.newId(type);
        } while (ctx.store().get(id).isPresent());
        return id;
    }

    static ObjectNode unwrap(JsonNode content, ResourceType type) {
        if (content == null || !content.isObject()) {
            throw Onem2mException.badRequest("missing or invalid content");
        }
        if (content.size() != 1 || !content.has(type.root())) {
            throw Onem2mException.badRequest("content must be one " + type.root() + " element");
        }
        JsonNode inner = content.get(type.root());
        if (!inner.isObject()) {
            throw Onem2mException.badRequest(type.root() + " must be a JSON object");
        }
        return ((ObjectNode) inner).deepCopy();
    }

    /**
     * A resource name is made of URI unreserved characters (TS-0001 §9.6.1.3.1: it becomes a path segment of
     * the structured address, and Content-Location carries it unencoded); "la"/"ol" would be shadowed by the
     * virtual resources, "-" is the CSEBase alias. 4000 otherwise, with a 4102-free reading: the name is a
     * malformed request parameter, not unacceptable content (docs/conformance.md).
     */
    private static void checkName(ObjectNode body) {
        JsonNode rn = body.get("rn");
        if (rn == null) {
            return;
        }
        String name = rn.asText();
        if (!rn.isTextual() || name.isEmpty() || name.equals("la") || name.equals("ol") || name.equals("-")
                || name.equals(".") || name.equals("..") || !isUnreserved(name)) {
            throw Onem2mException.badRequest("invalid resource name " + name
                    + " (letters, digits and - . _ ~ only)");
        }
    }

    private static boolean isUnreserved(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * contentInfo (TS-0004 §6.3.4.2.x m2m:contentInfo): {@code <type>/<subtype>:<encoding>[:<security>]} with
     * encoding 0 (plain), 1 (base64 string) or 2 (base64 binary); as the oneM2M test suite checks it, the encoding
     * is required and nothing follows the security part.
     */
    static void checkContentInfo(JsonNode cnf) {
        if (cnf == null) {
            return;
        }
        // parsed in place: this runs for every content instance a device creates
        String v = cnf.asText();
        int colon = v.indexOf(':');
        int slash = v.indexOf('/');
        int colon2 = colon < 0 ? -1 : v.indexOf(':', colon + 1);
        boolean ok = slash > 0 && colon > slash + 1 && colon + 1 < v.length()
                && v.charAt(colon + 1) >= '0' && v.charAt(colon + 1) <= '2'
                && (colon2 < 0 ? v.length() == colon + 2 : colon2 == colon + 2 && v.indexOf(':', colon2 + 1) < 0);
        if (!ok) {
            throw Onem2mException.badRequest("cnf must be <type>/<subtype>:<encoding 0-2>[:<security>], got "
                    + cnf.asText());
        }
    }

    /**
     * Removes a {@code "cr": null} from the body and says whether it was there; any other value of {@code cr}
     * is 4000 (TS-0004: the originator may only ask for the creator to be recorded, never name it).
     */
    private static boolean takeCreatorRequest(ObjectNode body, ResourceSchema schema) {
        JsonNode cr = body.get("cr");
        if (cr == null) {
            return false;
        }
        if (!cr.isNull() || schema.attribute("cr") == null) {
            throw Onem2mException.badRequest("cr may only be given as null, to have the creator recorded");
        }
        body.remove("cr");
        return true;
    }

    /** rcn=9 of a CREATE: the attributes the CSE assigned, or set to another value than the originator sent. */
    private static ObjectNode assignedByCse(ObjectNode created, ObjectNode sent) {
        ObjectNode out = Json.object();
        created.fields().forEachRemaining(e -> {
            if (!e.getValue().equals(sent.get(e.getKey()))) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static void checkExpiration(ObjectNode body) {
        JsonNode et = body.get("et");
        if (et != null && Timestamps.parse(et.asText()).isBefore(Instant.now())) {
            throw Onem2mException.badRequest("expirationTime is in the past");
        }
    }

    static List<String> textList(JsonNode n) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        if (n != null) {
            n.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

}
