package org.edgeslice.meo.lcm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.common.TimeStamp;
import org.edgeslice.contract.mec010.lcm.InstantiateAppRequest;
import org.edgeslice.contract.mec010.lcm.LcmOperation;
import org.edgeslice.contract.mec010.lcm.OperateAppRequest;
import org.edgeslice.contract.mec010.lcm.OperationState;
import org.edgeslice.contract.mec010.lcm.TerminateAppRequest;

/**
 * An LCM operation occurrence (ETSI GS MEC 010-2 clause 5.3, {@code AppLcmOpOcc}) and how far the MEO got with
 * it: the host chosen ({@code hostId}, {@code placement} says why), and the MEPM's op occurrence it delegated
 * to ({@code mepmOpOccId}). These progress marks are persisted before the next step, so that after a restart
 * the operation resumes where it stood.
 */
public record OpOcc(String id, String appInstanceId, LcmOperation operation, OperationState state,
                    TimeStamp startTime, TimeStamp stateEnteredTime, InstantiateAppRequest instantiate,
                    TerminateAppRequest terminate, OperateAppRequest operate, String hostId, String placement,
                    String mepmOpOccId, boolean cancelPending, ProblemDetails error, int attempts) {

    public static OpOcc starting(String id, String appInstanceId, LcmOperation operation, InstantiateAppRequest i,
                                 TerminateAppRequest t, OperateAppRequest o, String hostId) {
        TimeStamp now = TimeStamp.now();
        return new OpOcc(id, appInstanceId, operation, OperationState.STARTING, now, now, i, t, o, hostId, null, null,
                false, null, 1);
    }

    public OpOcc to(OperationState next, ProblemDetails problem) {
        return new OpOcc(id, appInstanceId, operation, next, startTime, TimeStamp.now(), instantiate, terminate,
                operate, hostId, placement, mepmOpOccId, cancelPending, problem, attempts);
    }

    public OpOcc placed(String host, String why) {
        return new OpOcc(id, appInstanceId, operation, state, startTime, stateEnteredTime, instantiate, terminate,
                operate, host, why, mepmOpOccId, cancelPending, error, attempts);
    }

    public OpOcc delegated(String mepmOp) {
        return new OpOcc(id, appInstanceId, operation, state, startTime, stateEnteredTime, instantiate, terminate,
                operate, hostId, placement, mepmOp, cancelPending, error, attempts);
    }

    public OpOcc cancelRequested() {
        return new OpOcc(id, appInstanceId, operation, state, startTime, stateEnteredTime, instantiate, terminate,
                operate, hostId, placement, mepmOpOccId, true, error, attempts);
    }

    /** Retry: back to PROCESSING; the MEPM step is redone (idempotently) from the last persisted mark. */
    public OpOcc retried() {
        return new OpOcc(id, appInstanceId, operation, OperationState.PROCESSING, startTime, TimeStamp.now(),
                instantiate, terminate, operate, hostId, placement, null, false, null, attempts + 1);
    }

    /** STARTING, PROCESSING or FAILED_TEMP: the instance is busy with this operation. */
    @JsonIgnore
    public boolean isOpen() {
        return !state.isFinal();
    }

    @JsonIgnore
    public boolean isRunning() {
        return state == OperationState.STARTING || state == OperationState.PROCESSING;
    }
}
