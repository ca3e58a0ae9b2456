package org.edgeslice.onem2m.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import org.edgeslice.onem2m.acp.Originator;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.Operation;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;

/**
 * Requests to a group's virtual {@code <fanOutPoint>} (TS-0001 §9.6.14 and §10.2.7.6-10.2.7.9, TS-0004 §7.4.14):
 * {@code <group>/fopt} and {@code <group>/fopt/<relative address>}. The originator needs the operation's privilege
 * on the fan-out point ({@link org.edgeslice.onem2m.acp.AccessControl#checkFanOut}); the request is then sent to
 * every member, with the relative address appended (so {@code fopt/la} reads each container's latest instance),
 * as an ordinary request of the same originator: each member answers with its own checks, access control
 * included. A member that is itself a {@code /fopt} fans out again. The answer is 2000 OK with the members'
 * answers as an aggregated response, {@code m2m:agr} holding one {@code m2m:rsp} per member in member order
 * ({@code rsc}, {@code rqi}, {@code rvi}, {@code pc} when the member answered with content, {@code fr} the
 * answering CSE, {@code to} the resource the answer is about; docs/conformance.md).
 */
final class FanOutProcedure {
    /** The fan-out point's name below its group. */
    static final String FOPT = "fopt";
    /**
     * Fan-out points one request may pass, nested groups included. Membership validation refuses cycles and
     * chains deeper than this below a group; the fan-out enforces it in any case (4000 for the members past it).
     */
    static final int MAX_DEPTH = 8;
    /**
     * Member requests one request may cause, through all the fan-out points it passes: a request to
     * {@code g/fopt/fopt/...} through groups of groups would otherwise multiply (members^depth).
     */
    static final int MAX_MEMBER_REQUESTS = 1000;

    /** What is left of a request's {@link #MAX_MEMBER_REQUESTS}, shared by the fan-out points it passes. */
    static final class Budget {
        private int left = MAX_MEMBER_REQUESTS;
    }

    /** A resolved fan-out target: the group, and the address relative to each member ("" for none). */
    record Point(Resource group, String relative) {
    }

    private final CseContext ctx;

    FanOutProcedure(CseContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @return the fan-out point {@code to} addresses, or null when it addresses none (the usual case: one
     *         {@code indexOf} on the request path)
     */
    Point find(String to) {
        int at = to.indexOf("/" + FOPT);
        while (at > 0) {
            int end = at + 1 + FOPT.length();
            if (end == to.length() || to.charAt(end) == '/') {
                Resource group = ctx.resolver().find(to.substring(0, at)).orElse(null);
                if (group != null && group.type() == ResourceType.GROUP) {
                    return new Point(group, end == to.length() ? "" : to.substring(end + 1));
                }
            }
            at = to.indexOf("/" + FOPT, end);
        }
        return null;
    }

    /**
     * @param req    the request, its originator normalised
     * @param depth  how many fan-out points the request has passed already
     * @param budget member requests left to the request this fan-out belongs to
     * @param member handles one member's request (the engine, one level deeper)
     */
    Response fanOut(Request req, Point point, int depth, Budget budget, Function<Request, Response> member) {
        if (depth >= MAX_DEPTH) {
            throw Onem2mException.badRequest("groups nest deeper than " + MAX_DEPTH + " fan-out points");
        }
        Operation op = req.isDiscovery() ? Operation.DISCOVERY : req.op();
        ResourceType created = req.op() == Operation.CREATE && req.resourceType() != null
                ? ResourceType.fromTy(req.resourceType()) : null;
        ctx.access().checkFanOut(Originator.of(req), op, point.group(), created);
        ArrayNode answers = Json.mapper().createArrayNode();
        for (JsonNode m : point.group().attrs().path("mid")) {
            String to = point.relative().isEmpty() ? m.asText() : m.asText() + "/" + point.relative();
            Response r;
            if (budget.left > 0) {
                budget.left--;
                r = member.apply(req.withTo(to));
            } else {
                r = Response.error(ResponseStatusCode.BAD_REQUEST, "not sent: this request reached its limit of "
                        + MAX_MEMBER_REQUESTS + " member requests");
            }
            ObjectNode rsp = answers.addObject();
            rsp.put("rsc", r.rsc().code());
            rsp.put("rqi", req.requestId());
            if (req.releaseVersion() != null) {
                rsp.put("rvi", req.releaseVersion());
            }
            if (r.content() != null) {
                rsp.set("pc", r.content());
            }
            rsp.put("fr", ctx.config().cseId());
            rsp.put("to", about(r.content(), to));
        }
        ObjectNode agr = Json.object();
        agr.putObject("m2m:agr").set("m2m:rsp", answers);
        return Response.of(ResponseStatusCode.OK, agr);
    }

    /** The id of the resource in a member's answer (the created, read or updated one), else the member target. */
    private static String about(JsonNode content, String to) {
        if (content != null && content.size() == 1) {
            JsonNode ri = content.elements().next().get("ri");
            if (ri != null && ri.isTextual()) {
                return ri.asText();
            }
        }
        return to;
    }
}
