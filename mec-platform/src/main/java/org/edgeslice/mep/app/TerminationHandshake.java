package org.edgeslice.mep.app;

import org.edgeslice.contract.mec011.OperationActionType;
import org.edgeslice.contract.mec011.TerminationState;
import org.edgeslice.support.problem.ProblemException;

/**
 * The graceful termination handshake of an app (ETSI GS MEC 011 AppTerminationNotification / confirm_termination,
 * started by the MEPM over Mm5) as a state machine:
 * <pre>
 *   (none | CONFIRMED | TIMED_OUT | NOT_SUBSCRIBED) --request, app subscribed--> PENDING
 *   (none | CONFIRMED | TIMED_OUT | NOT_SUBSCRIBED) --request, no subscription--> NOT_SUBSCRIBED
 *   PENDING --same request again--> PENDING (nothing sent again);  PENDING --other action--> 409
 *   PENDING --confirm_termination with the pending action--> CONFIRMED;  otherwise 409
 *   PENDING --maxGracefulTimeout passed--> TIMED_OUT
 *   confirm_ready: 409 while PENDING; otherwise it ends the handshake (the app runs again)
 * </pre>
 */
public final class TerminationHandshake {

    /** What a termination request leads to. */
    public enum Start {
        /** The same request is pending already: nothing to do. */
        ALREADY_PENDING,
        /** Notify the app's subscriptions and wait for its confirmation or the timeout. */
        WAIT_FOR_APP,
        /** The app subscribed to nothing: nobody to wait for. */
        NOTHING_TO_WAIT_FOR
    }

    private TerminationHandshake() {
    }

    public static Start request(TerminationState current, OperationActionType pending, OperationActionType requested,
                                boolean appSubscribed) {
        if (current == TerminationState.PENDING) {
            if (pending == requested) {
                return Start.ALREADY_PENDING;
            }
            throw ProblemException.conflict("A " + pending + " of this app instance is pending");
        }
        return appSubscribed ? Start.WAIT_FOR_APP : Start.NOTHING_TO_WAIT_FOR;
    }

    public static TerminationState confirm(TerminationState current, OperationActionType pending,
                                           OperationActionType confirmed) {
        if (current != TerminationState.PENDING) {
            throw ProblemException.conflict("No termination of this app instance is pending");
        }
        if (pending != confirmed) {
            throw ProblemException.conflict("The pending operation is " + pending + ", not " + confirmed);
        }
        return TerminationState.CONFIRMED;
    }

    /** confirm_ready is refused while the app is being asked to end. */
    public static void requireReadyAllowed(TerminationState current) {
        if (current == TerminationState.PENDING) {
            throw ProblemException.conflict("A termination of this app instance is pending");
        }
    }

    public static boolean timedOut(TerminationState current, Long deadlineMillis, long nowMillis) {
        return current == TerminationState.PENDING && deadlineMillis != null && deadlineMillis < nowMillis;
    }
}
