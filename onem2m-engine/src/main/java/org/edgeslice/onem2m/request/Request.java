package org.edgeslice.onem2m.request;

import com.fasterxml.jackson.databind.JsonNode;
import org.edgeslice.onem2m.common.Operation;
import org.edgeslice.onem2m.discovery.FilterCriteria;

/**
 * A oneM2M request primitive (TS-0004 §6.3.2, binding-independent), limited to the parameters the engine uses.
 *
 * @param op       operation; RETRIEVE with {@code filterUsage == 1} is a discovery
 * @param to       target address as in the primitive: CSE-relative, SP-relative ({@code /csi/...}) or absolute
 *                 ({@code //sp/csi/...}); see TS-0001 §9.3.1
 * @param from     originator ({@code X-M2M-Origin}); empty for a new AE asking the CSE to assign its id
 * @param requestId {@code rqi}
 * @param releaseVersion {@code rvi}, or null when absent (Release 1)
 * @param resourceType {@code ty} of the resource to CREATE, else null
 * @param content  the body ({@code {"m2m:xxx": {...}}}), or null
 * @param resultContent {@code rcn}, or null for the operation's default
 * @param filterUsage {@code fu}: 0 none, 1 discovery, 2 conditional retrieval
 * @param filter   filter criteria; {@link FilterCriteria#NONE} when none
 * @param identifierType {@code drt}: 1 structured (default), 2 unstructured
 * @param originatorAddress the IP address literal the request came from (for {@code acip} access control
 *                 contexts), or null when unknown
 */
public record Request(Operation op, String to, String from, String requestId, String releaseVersion,
                      Integer resourceType, JsonNode content, Integer resultContent, int filterUsage,
                      FilterCriteria filter, int identifierType, String originatorAddress) {

    /** A request whose source address is unknown (made in-process). */
    public Request(Operation op, String to, String from, String requestId, String releaseVersion,
                   Integer resourceType, JsonNode content, Integer resultContent, int filterUsage,
                   FilterCriteria filter, int identifierType) {
        this(op, to, from, requestId, releaseVersion, resourceType, content, resultContent, filterUsage, filter,
                identifierType, null);
    }

    public static Request create(String to, String from, int ty, JsonNode content) {
        return new Request(Operation.CREATE, to, from, "rq", "3", ty, content, null, 0, FilterCriteria.NONE, 1);
    }

    public static Request retrieve(String to, String from) {
        return new Request(Operation.RETRIEVE, to, from, "rq", "3", null, null, null, 0, FilterCriteria.NONE, 1);
    }

    public static Request update(String to, String from, JsonNode content) {
        return new Request(Operation.UPDATE, to, from, "rq", "3", null, content, null, 0, FilterCriteria.NONE, 1);
    }

    public static Request delete(String to, String from) {
        return new Request(Operation.DELETE, to, from, "rq", "3", null, null, null, 0, FilterCriteria.NONE, 1);
    }

    public static Request discover(String to, String from, FilterCriteria filter) {
        return new Request(Operation.RETRIEVE, to, from, "rq", "3", null, null, null, 1, filter, 1);
    }

    public Request withResultContent(Integer rcn) {
        return new Request(op, to, from, requestId, releaseVersion, resourceType, content, rcn, filterUsage, filter,
                identifierType, originatorAddress);
    }

    public Request withReleaseVersion(String rvi) {
        return new Request(op, to, from, requestId, rvi, resourceType, content, resultContent, filterUsage, filter,
                identifierType, originatorAddress);
    }

    /** The same request to another target (a group member, TS-0001 §10.2.7.6). */
    public Request withTo(String target) {
        return new Request(op, target, from, requestId, releaseVersion, resourceType, content, resultContent,
                filterUsage, filter, identifierType, originatorAddress);
    }

    /** The same request with its originator written another way (an SP-relative AE-ID made CSE-relative). */
    public Request withFrom(String originator) {
        return new Request(op, to, originator, requestId, releaseVersion, resourceType, content, resultContent,
                filterUsage, filter, identifierType, originatorAddress);
    }

    /** The request as it came from this IP address (for {@code acip} access control contexts). */
    public Request withOriginatorAddress(String address) {
        return new Request(op, to, from, requestId, releaseVersion, resourceType, content, resultContent,
                filterUsage, filter, identifierType, address);
    }

    public Request withIdentifierType(int drt) {
        return new Request(op, to, from, requestId, releaseVersion, resourceType, content, resultContent,
                filterUsage, filter, drt, originatorAddress);
    }

    /** The request with filter criteria used as {@code fu} says (1 discovery, 2 conditional retrieval). */
    public Request withFilter(int fu, FilterCriteria criteria) {
        return new Request(op, to, from, requestId, releaseVersion, resourceType, content, resultContent, fu,
                criteria, identifierType, originatorAddress);
    }

    public boolean isDiscovery() {
        return op == Operation.RETRIEVE && filterUsage == 1;
    }
}
