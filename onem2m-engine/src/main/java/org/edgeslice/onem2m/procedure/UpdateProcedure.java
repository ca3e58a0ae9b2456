package org.edgeslice.onem2m.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.edgeslice.onem2m.acp.Originator;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.common.Timestamps;
import org.edgeslice.onem2m.resource.AttributeValidator;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.resource.ResourceSchema;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;
import org.edgeslice.onem2m.store.WriteBatch;

/**
 * UPDATE (TS-0001 §10.1.4, TS-0004 §7.3.3.4): not for the CSEBase, content instances or {@code la}/{@code ol}
 * (4005); only RW attributes (4000); a {@code null} value removes an optional attribute. Lowered container limits
 * evict at once; new {@code nu} targets of a subscription are verified first (5204).
 */
final class UpdateProcedure {
    private final CseContext ctx;

    UpdateProcedure(CseContext ctx) {
        this.ctx = ctx;
    }

    /**
     * rcn=9 of an UPDATE (TS-0004 §6.3.4.2.22 "modified attributes"): the attributes the CSE changed on its own
     * ({@code lt}, a container's {@code st}, counters after an eviction), not the ones the originator set.
     */
    private static ObjectNode changedByCse(Resource before, Resource after, ObjectNode sent) {
        ObjectNode out = Json.object();
        after.attrs().fields().forEachRemaining(e -> {
            if (!sent.has(e.getKey()) && !e.getValue().equals(before.attrs().get(e.getKey()))) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    /** Applies an UPDATE's attributes ({@code null} removes one, TS-0004 §7.3.3.2.3); returns {@code attrs}. */
    private static ObjectNode apply(ObjectNode body, ObjectNode attrs) {
        body.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                attrs.remove(e.getKey());
            } else {
                attrs.set(e.getKey(), e.getValue());
            }
        });
        return attrs;
    }

    private static boolean isNull(ObjectNode body, String name) {
        return body.has(name) && body.get(name).isNull();
    }

    Response update(Request req, Target target) {
        Resource current = target.resource();
        if (target.isVirtual() || current.type() == ResourceType.CSE_BASE
                || current.type() == ResourceType.CONTENT_INSTANCE) {
            throw Onem2mException.notAllowed("UPDATE of " + (target.isVirtual() ? "la/ol" : current.type().root())
                    + " is not allowed");
        }
        int rcn = ResultContent.choose(req.resultContent(), 1, ResultContent.UPDATE);
        ObjectNode body = CreateProcedure.unwrap(req.content(), current.type());
        AttributeValidator.validateUpdate(ResourceSchema.of(current.type()), body);
        ctx.access().validatePolicyAttributes(current.type(), body, false);
        if (current.type() == ResourceType.AE) {
            AeRegistration.checkSerializationsAndReleases(body);
        }
        JsonNode et = body.get("et");
        if (et != null && !et.isNull() && Timestamps.parse(et.asText()).isBefore(Instant.now())) {
            throw Onem2mException.badRequest("expirationTime is in the past");
        }
        if (current.type() == ResourceType.GROUP && (isNull(body, "mid") || isNull(body, "mnm"))) {
            throw Onem2mException.badRequest("mid and mnm cannot be removed from a group");
        }
        if (current.type() == ResourceType.SUBSCRIPTION) {
            // the result is checked again under the lock; checked here first so that an invalid UPDATE sends no
            // verification request
            SubscriptionRules.check(apply(body, current.attrs().deepCopy()));
        }
        if (current.type() == ResourceType.SUBSCRIPTION && body.has("nu")) {
            List<String> added = new ArrayList<>(CreateProcedure.textList(body.get("nu")));
            added.removeAll(current.textList("nu"));
            ctx.access().checkNotificationTargets(Originator.of(req), added, ctx.resolver()::find);
            ctx.notifications().verify(current.ri(), added, req.from());
        }
        Resource updated;
        ObjectNode modified = Json.object();
        List<Resource> groupsLeft = List.of();
        ctx.writeLock().lock();
        try {
            current = ctx.store().get(current.ri()).orElseThrow(() -> Onem2mException.notFound("resource deleted"));
            updated = current.copy();
            ObjectNode attrs = updated.attrs();
            apply(body, attrs);
            modified.setAll(body);
            if (updated.type() == ResourceType.SUBSCRIPTION) {
                SubscriptionRules.check(attrs); // the result must be valid, e.g. nct=2 set where net holds 3
            }
            if (updated.type() == ResourceType.GROUP) {
                boolean membersChanged = body.has("mid");
                ctx.groups().validate(attrs, updated.ri(), Originator.of(req), membersChanged);
                if (membersChanged) {
                    for (String own : new String[] {"mid", "cnm", "mt", "mtv"}) {
                        modified.set(own, attrs.get(own)); // as the CSE left them, for the notification
                    }
                }
            }
            Instant now = Instant.now();
            attrs.put("lt", Timestamps.format(now));
            WriteBatch batch = new WriteBatch();
            if (updated.type() == ResourceType.CONTAINER) {
                attrs.put("st", updated.longValue("st", 0) + 1);
                List<Resource> evicted = ContainerPolicy.evictions(ctx.store(), updated, false, 0, now);
                ContainerPolicy.account(updated, evicted);
                groupsLeft = ctx.remove(evicted, batch);
                batch.update(updated);
                ctx.store().write(batch);
                ctx.groups().removed(evicted, groupsLeft);
            } else {
                batch.update(updated);
                ctx.store().write(batch);
            }
            if (updated.type() == ResourceType.GROUP) {
                ctx.groups().written(current, updated);
            }
        } finally {
            ctx.writeLock().unlock();
        }
        ctx.announce(groupsLeft);
        modified.put("lt", updated.attrs().get("lt").asText());
        if (ctx.notificationsEnabled()) {
            ctx.notifications().resourceUpdated(updated, modified);
            if (updated.type() == ResourceType.SUBSCRIPTION
                    && (body.has("bn") || body.has("rl") || body.has("nu"))) {
                ctx.notifications().subscriptionChanged(updated); // what waits under the old pacing goes out now
            }
        }
        JsonNode content = rcn == 9 ? Json.object().set(updated.type().root(), changedByCse(current, updated, body))
                : ResultContent.render(updated, rcn);
        return Response.of(ResponseStatusCode.UPDATED, content);
    }
}
