package org.edgeslice.contract.mec011;

/** Mm5 (project API): where the graceful termination handshake of an app stands. */
public enum TerminationState {
    PENDING, CONFIRMED, TIMED_OUT, NOT_SUBSCRIBED
}
