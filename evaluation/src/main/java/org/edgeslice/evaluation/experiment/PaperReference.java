package org.edgeslice.evaluation.experiment;

/**
 * The seed paper's figures: Hwang et al., "IoT Service Slicing and Task Offloading for Edge Computing", IEEE Internet
 * of Things Journal 8(14), 2021, measured with JMeter (means).
 */
public final class PaperReference {
    private PaperReference() {
    }

    /** Fig. 10: data creation RTT of a ~400-byte contentInstance, 60 requests. */
    public static final double CREATE_CLOUD_MS = 8.5;
    public static final double CREATE_EDGE_MS = 6.1;
    public static final int CREATE_SAMPLES = 60;
    /** Fig. 11: retrieval of the latest contentInstance. */
    public static final double RETRIEVE_CLOUD_MS = 67.42;
    public static final double RETRIEVE_EDGE_MS = 37.32;
    public static final int RETRIEVE_SAMPLES = 60;
    /** Fig. 12: slice preparation (slicing + offloading, images pre-stored), 10 runs. */
    public static final double SLICE_PREPARATION_MS = 1050;
    public static final int SLICE_PREPARATION_RUNS = 10;
    public static final String CITATION = "Hwang et al., IEEE IoT Journal 8(14), 2021";
}
