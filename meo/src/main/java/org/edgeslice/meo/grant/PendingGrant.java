package org.edgeslice.meo.grant;

import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.mec010.grant.GrantRequest;

/**
 * A grant request the MEO answered 202 (asynchronous granting, ETSI GS MEC 010-2 clause 7.5.2.3.1): kept until
 * it is decided at a poll of {@code grants/{id}}; {@code refusal} is set once it was refused.
 */
public record PendingGrant(String id, GrantRequest request, long sinceMs, ProblemDetails refusal) {

    PendingGrant refused(ProblemDetails why) {
        return new PendingGrant(id, request, sinceMs, why);
    }
}
