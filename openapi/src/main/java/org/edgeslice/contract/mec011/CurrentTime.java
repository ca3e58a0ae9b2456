package org.edgeslice.contract.mec011;

/** ETSI GS MEC 011 {@code CurrentTime} (clause 7.2.10.3): the platform's clock and how it is synchronised. */
public record CurrentTime(long seconds, int nanoSeconds, TimeSourceStatus timeSourceStatus) {

    /** ETSI GS MEC 011 {@code CurrentTime.timeSourceStatus}. */
    public enum TimeSourceStatus { TRACEABLE, NONTRACEABLE }
}
