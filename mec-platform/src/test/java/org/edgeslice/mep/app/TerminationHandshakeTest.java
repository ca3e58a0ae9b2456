package org.edgeslice.mep.app;

import static org.edgeslice.contract.mec011.OperationActionType.STOPPING;
import static org.edgeslice.contract.mec011.OperationActionType.TERMINATING;
import static org.edgeslice.contract.mec011.TerminationState.CONFIRMED;
import static org.edgeslice.contract.mec011.TerminationState.NOT_SUBSCRIBED;
import static org.edgeslice.contract.mec011.TerminationState.PENDING;
import static org.edgeslice.contract.mec011.TerminationState.TIMED_OUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeslice.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

class TerminationHandshakeTest {

    @Test
    void aRequestWaitsForTheAppOnlyWhenItSubscribed() {
        assertEquals(TerminationHandshake.Start.WAIT_FOR_APP, TerminationHandshake.request(null, null, STOPPING, true));
        assertEquals(TerminationHandshake.Start.NOTHING_TO_WAIT_FOR,
                TerminationHandshake.request(null, null, STOPPING, false));
        assertEquals(TerminationHandshake.Start.WAIT_FOR_APP,
                TerminationHandshake.request(CONFIRMED, STOPPING, TERMINATING, true), "after a completed stop");
    }

    @Test
    void aPendingRequestIsIdempotentButNotReplaced() {
        assertEquals(TerminationHandshake.Start.ALREADY_PENDING,
                TerminationHandshake.request(PENDING, TERMINATING, TERMINATING, true));
        assertEquals(409, assertThrows(ProblemException.class,
                () -> TerminationHandshake.request(PENDING, STOPPING, TERMINATING, true)).status());
    }

    @Test
    void onlyThePendingActionCanBeConfirmed() {
        assertEquals(CONFIRMED, TerminationHandshake.confirm(PENDING, STOPPING, STOPPING));
        for (var state : new org.edgeslice.contract.mec011.TerminationState[] {null, CONFIRMED, TIMED_OUT, NOT_SUBSCRIBED}) {
            assertEquals(409, assertThrows(ProblemException.class,
                    () -> TerminationHandshake.confirm(state, STOPPING, STOPPING)).status());
        }
        assertEquals(409, assertThrows(ProblemException.class,
                () -> TerminationHandshake.confirm(PENDING, STOPPING, TERMINATING)).status());
    }

    @Test
    void readinessIsRefusedWhileTerminatingAndTimeoutsEndOnlyPendingHandshakes() {
        assertEquals(409, assertThrows(ProblemException.class,
                () -> TerminationHandshake.requireReadyAllowed(PENDING)).status());
        TerminationHandshake.requireReadyAllowed(TIMED_OUT);
        TerminationHandshake.requireReadyAllowed(null);
        assertTrue(TerminationHandshake.timedOut(PENDING, 1000L, 1001));
        assertFalse(TerminationHandshake.timedOut(PENDING, 1000L, 1000));
        assertFalse(TerminationHandshake.timedOut(CONFIRMED, 1000L, 5000));
    }
}
