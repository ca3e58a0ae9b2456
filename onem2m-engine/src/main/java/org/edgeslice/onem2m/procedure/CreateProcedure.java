package org.edgeslice.onem2m.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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
        AttributeValidator.validateCreate(schema, body);
        checkName(body);
        checkExpiration(body);
        Instant now = Instant.now();
        String ri;
        if (type == ResourceType.AE) {
            AeRegistration.checkAttributes(body, req.releaseVersion());
            ri = null; // assigned under the lock: the AE-ID must be unique
        } else {
            ri = newId(type);
        }
        ctx.access().validatePolicyAttributes(type, body, true);
        if (type == ResourceType.SUBSCRIPTION) {
            // before taking the lock: verification is a network round trip per target
            if (!ctx.notificationsEnabled()) {
                throw new Onem2mException(ResponseStatusCode.NOT_IMPLEMENTED,
                        "this IoT slice has no notification function, so it cannot serve subscriptions");
            }
            ctx.notifications().verify(ri, textList(body.get("nu")), req.from());
        }

        Resource created;
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
            switch (type) {
                case CONTAINER -> {
                    attrs.put("cr", req.from());
                    attrs.put("cni", 0);
                    attrs.put("cbs", 0);
                    attrs.put("st", 0);
                }
                case CONTENT_INSTANCE -> createInstance(parent, attrs, req, batch, now);
                case SUBSCRIPTION -> attrs.put("cr", req.from());
                default -> {
                }
            }
            created = new Resource(type, attrs, parent.path() + "/" + rn);
            batch.create(created);
            ctx.store().write(batch);
        } finally {
            ctx.writeLock().unlock();
        }
        if (ctx.notificationsEnabled()) {
            ctx.notifications().childCreated(parent, created);
        }
        return new Response(ResponseStatusCode.CREATED, ResultContent.render(created, rcn, ctx.store()),
                created.path());
    }

    /** CIN rules (TS-0001 §9.6.7): size, creator, state tag, and the parent's counters and limits. */
    private void createInstance(Resource container, ObjectNode attrs, Request req, WriteBatch batch, Instant now) {
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
        attrs.put("cr", req.from());
        attrs.put("cs", cs);
        attrs.put("st", st);
        ObjectNode p = parent.attrs();
        p.put("cni", parent.longValue("cni", 0) + 1);
        p.put("cbs", parent.longValue("cbs", 0) + cs);
        ContainerPolicy.account(parent, evicted);
        p.put("st", st);
        p.put("lt", attrs.get("ct").asText());
        evicted.forEach(r -> batch.delete(r.ri()));
        batch.update(parent);
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

    private static void checkName(ObjectNode body) {
        JsonNode rn = body.get("rn");
        if (rn == null) {
            return;
        }
        String name = rn.asText();
        // "la"/"ol" would be shadowed by the virtual resources; "-" is the CSEBase alias
        if (name.isEmpty() || name.contains("/") || name.equals("la") || name.equals("ol") || name.equals("-")
                || name.equals(".") || name.equals("..")) {
            throw Onem2mException.badRequest("invalid resource name " + name);
        }
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
