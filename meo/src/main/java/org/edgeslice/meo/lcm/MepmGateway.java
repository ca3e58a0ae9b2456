package org.edgeslice.meo.lcm;

import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.mec010.host.MecHostInfo;
import org.edgeslice.contract.mec010.lcm.CreateAppInstanceRequest;
import org.edgeslice.contract.mec010.lcm.InstantiateAppRequest;
import org.edgeslice.contract.mec010.lcm.OperateAppRequest;
import org.edgeslice.contract.mec010.lcm.OperationState;
import org.edgeslice.contract.mec010.lcm.TerminateAppRequest;

/**
 * The Mm3 reference point as the MEO uses it: the MEC 010-2 LCM subset the MEPM of a host serves
 * (docs/interfaces.md). Failures to reach the MEPM or unexpected answers are {@link MepmException}s.
 */
public interface MepmGateway {

    /** The MEPM's answer to an LCM task: its op occurrence id, or, when it refused (409), the reason. */
    record Delegation(String mepmOpOccId, ProblemDetails refusal) {

        public boolean accepted() {
            return mepmOpOccId != null;
        }
    }

    /** A MEPM op occurrence as last seen. */
    record RemoteOp(OperationState state, ProblemDetails error) {
    }

    /** The MEPM's view of an instance: null state when the MEPM does not know it. */
    record RemoteInstance(String instantiationState, String operationalState) {

        public boolean known() {
            return instantiationState != null;
        }
    }

    /** POST app_instances with the MEO's appInstanceId; an instance the MEPM already has is fine. */
    void ensureInstance(MecHostInfo host, CreateAppInstanceRequest request);

    Delegation instantiate(MecHostInfo host, String appInstanceId, InstantiateAppRequest request);

    Delegation terminate(MecHostInfo host, String appInstanceId, TerminateAppRequest request);

    Delegation operate(MecHostInfo host, String appInstanceId, OperateAppRequest request);

    RemoteOp opOcc(MecHostInfo host, String mepmOpOccId);

    RemoteInstance instance(MecHostInfo host, String appInstanceId);

    /** Best effort cancel of a MEPM op occurrence (v3.x cancel); failures are ignored. */
    void cancel(MecHostInfo host, String mepmOpOccId);

    /** DELETE app_instances/{id}; an instance the MEPM no longer has is fine. */
    void deleteInstance(MecHostInfo host, String appInstanceId);

    /** Thrown when the MEPM cannot be reached or answers unexpectedly. */
    class MepmException extends RuntimeException {
        public MepmException(String message) {
            super(message);
        }

        public MepmException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
