package org.edgeslice.onem2m.procedure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.Operation;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.common.Timestamps;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;

/**
 * RETRIEVE (TS-0001 §10.1.3, TS-0004 §7.3.3.3), including {@code la}/{@code ol} (TS-0004 §7.4.27/§7.4.28: 4004 on
 * an empty container), conditional retrieval ({@code fu=2}: 4004 when the target does not match) and discovery
 * ({@code fu=1}, TS-0004 §7.3.3.17: an {@code m2m:uril} of the matching descendants the originator may DISCOVER,
 * in the form {@code drt} asks for, after {@code ofst} and up to {@code lim}).
 */
final class RetrieveProcedure {
    private final CseContext ctx;

    RetrieveProcedure(CseContext ctx) {
        this.ctx = ctx;
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
        if (req.filterUsage() == 2 && !req.filter().matches(r)) {
            throw Onem2mException.notFound("the target does not match the filter criteria");
        }
        if (r.type() == ResourceType.CSE_BASE) {
            // currentTime is computed, not stored (TS-0001 §9.6.3, Release 4)
            Resource withTime = r.copy();
            withTime.attrs().put("ctm", Timestamps.now());
            r = withTime;
        }
        return Response.of(ResponseStatusCode.OK, ResultContent.render(r, rcn, ctx.store()));
    }

    private Response discover(Request req, Target target) {
        if (req.resultContent() != null && req.resultContent() != 11) {
            throw Onem2mException.badRequest("discovery supports rcn=11 only");
        }
        if (target.isVirtual()) {
            throw Onem2mException.badRequest("discovery on la/ol is not supported");
        }
        List<Resource> found = ctx.store().discover(target.resource().ri(), req.filter());
        Integer lim = req.filter().limit();
        int skip = req.filter().offset() == null ? 0 : Math.max(0, req.filter().offset() - 1);
        ArrayNode uris = Json.NODES.arrayNode();
        for (Resource r : found) {
            if (lim != null && uris.size() >= lim) {
                break;
            }
            if (!ctx.access().isAllowed(req.from(), Operation.DISCOVERY, r, null)) {
                continue;
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            uris.add(req.identifierType() == 2 ? r.ri() : r.path());
        }
        ObjectNode body = Json.object();
        body.set("m2m:uril", uris);
        return Response.of(ResponseStatusCode.OK, body);
    }
}
