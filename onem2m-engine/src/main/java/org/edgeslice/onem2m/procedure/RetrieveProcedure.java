package org.edgeslice.onem2m.procedure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.edgeslice.onem2m.acp.Originator;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.Operation;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.common.Timestamps;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;
import org.edgeslice.onem2m.store.WriteBatch;

/**
 * RETRIEVE (TS-0001 §10.1.3, TS-0004 §7.3.3.3), including {@code la}/{@code ol} (TS-0004 §7.4.27/§7.4.28: 4004 on
 * an empty container) and discovery ({@code fu=1}, TS-0004 §7.3.3.17: the matching descendants the originator may
 * DISCOVER, as an {@code m2m:uril} ({@code rcn=11}) or {@code m2m:rrl} ({@code rcn=6}), in the form {@code drt}
 * asks for, after {@code ofst} and up to {@code lim}).
 *
 * <p>A RETRIEVE with {@code rcn} 4, 5, 6 or 8 returns the target's descendants (to the depth {@code lvl} allows)
 * that match the filter criteria and that the originator may RETRIEVE: nested for 4 and 8, as references for 5
 * and 6. With {@code rcn=1} the filter criteria select nothing and the target is returned as it is. This is how
 * the oneM2M test suites read "conditional retrieval" (docs/conformance.md).
 */
final class RetrieveProcedure {
    private final CseContext ctx;

    private final DeleteProcedure deletes;

    RetrieveProcedure(CseContext ctx) {
        this.ctx = ctx;
        this.deletes = new DeleteProcedure(ctx);
    }

    Response retrieve(Request req, Target target) {
        if (req.isDiscovery()) {
            return discover(req, target);
        }
        int rcn = ResultContent.choose(req.resultContent(), 1, ResultContent.RETRIEVE);
        Resource r = target.resource();
        if (target.isVirtual()) {
            r = (target.virtual() == Target.Virtual.LATEST
                    ? ctx.store().latestChild(r.ri(), ResourceType.CONTENT_INSTANCE)
                    : ctx.store().oldestChild(r.ri(), ResourceType.CONTENT_INSTANCE))
                    .orElseThrow(() -> Onem2mException.notFound("container has no content instance"));
        }
        // for la/ol the container is the resolved target already: no second lookup on the device's read path
        if (r.type() == ResourceType.CONTENT_INSTANCE
                && (target.isVirtual() ? retrievalDisabled(target.resource()) : retrievalDisabled(r.pi()))) {
            throw Onem2mException.notAllowed("the container's disableRetrieval is set");
        }
        if (r.type() == ResourceType.CONTENT_INSTANCE && r.has("dcnt")) {
            r = countRetrieval(r);
        }
        if (r.type() == ResourceType.CSE_BASE) {
            // currentTime is computed, not stored (TS-0001 §9.6.3, Release 4)
            Resource withTime = r.copy();
            withTime.attrs().put("ctm", Timestamps.now());
            r = withTime;
        }
        if (rcn == 1) {
            return Response.of(ResponseStatusCode.OK, ResultContent.representation(r));
        }
        List<Resource> found = select(req, r, Operation.RETRIEVE);
        return Response.of(ResponseStatusCode.OK, ResultContent.render(r, rcn, found, req.identifierType()));
    }

    /**
     * deletionCnt (TS-0001 §9.6.7, Release 4): a contentInstance with {@code dcnt} is deleted by the retrieve that
     * uses up its count. Each RETRIEVE of the instance itself (directly or through {@code la}/{@code ol}, any
     * {@code rcn}) counts; discovery and appearing among a container's children do not. The answer shows the
     * count before this retrieve, so {@code dcnt=5} reads 5, 4, 3, 2, 1 and the sixth RETRIEVE is 4004 (ACME
     * {@code test_createRetrieveCINWithDcnt}). Decrement and delete are one batch each under the write lock, so
     * durable stores log them and two concurrent retrieves cannot both read the last count.
     *
     * @return the instance as it stood before this retrieve
     */
    private Resource countRetrieval(Resource cin) {
        DeleteProcedure.Deleted gone = null;
        Resource current;
        ctx.writeLock().lock();
        try {
            current = ctx.store().get(cin.ri())
                    .orElseThrow(() -> Onem2mException.notFound("the contentInstance reached its deletionCnt"));
            long left = current.longValue("dcnt", 1) - 1;
            if (left > 0) {
                Resource counted = current.copy();
                counted.attrs().put("dcnt", left);
                ctx.store().write(new WriteBatch().update(counted));
            } else {
                gone = deletes.deleteLocked(current.ri()); // the lock is reentrant
            }
        } finally {
            ctx.writeLock().unlock();
        }
        if (gone != null) {
            deletes.announce(gone); // subscribers to the container learn of it as of any other delete
        }
        return current;
    }

    private Response discover(Request req, Target target) {
        int rcn = ResultContent.choose(req.resultContent(), 11, ResultContent.DISCOVERY);
        if (target.isVirtual()) {
            throw Onem2mException.badRequest("discovery on la/ol is not supported");
        }
        List<Resource> found = select(req, target.resource(), Operation.DISCOVERY);
        if (rcn == 6) {
            return Response.of(ResponseStatusCode.OK, ResultContent.render(target.resource(), 6, found,
                    req.identifierType()));
        }
        ArrayNode uris = Json.NODES.arrayNode();
        for (Resource r : found) {
            uris.add(req.identifierType() == 2 ? r.ri() : r.path());
        }
        ObjectNode body = Json.object();
        body.set("m2m:uril", uris);
        return Response.of(ResponseStatusCode.OK, body);
    }

    /**
     * The descendants of {@code root} that match the request's filter criteria, are not expired (housekeeping may
     * not have removed them yet) and that the originator holds {@code privilege} on, in discovery order, after
     * {@code ofst} and up to {@code lim}.
     */
    private List<Resource> select(Request req, Resource root, Operation privilege) {
        List<Resource> candidates = ctx.store().discover(root.ri(), req.filter());
        Integer lim = req.filter().limit();
        int skip = req.filter().offset() == null ? 0 : Math.max(0, req.filter().offset() - 1);
        List<Resource> out = new ArrayList<>(Math.min(candidates.size(), lim == null ? Integer.MAX_VALUE : lim));
        Originator who = Originator.of(req);
        for (Resource r : candidates) {
            if (lim != null && out.size() >= lim) {
                break;
            }
            if (TargetResolver.expired(r) || !ctx.access().isAllowed(who, privilege, r, null)
                    || r.type() == ResourceType.CONTENT_INSTANCE && privilege == Operation.RETRIEVE
                    && retrievalDisabled(r.pi())) {
                continue;
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            out.add(r);
        }
        return out;
    }

    /** TS-0001 §9.6.6 disableRetrieval: the container's instances cannot be retrieved (4005) while it is true. */
    private boolean retrievalDisabled(String containerRi) {
        return ctx.store().get(containerRi).map(RetrieveProcedure::retrievalDisabled).orElse(false);
    }

    private static boolean retrievalDisabled(Resource container) {
        return container.attrs().path("disr").asBoolean(false);
    }
}
