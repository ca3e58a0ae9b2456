package org.edgeslice.evaluation.experiment;

import java.util.Map;

/**
 * One way of measuring slice preparation (the paper's Fig. 12: slicing + offloading with the slice images already
 * stored). The standalone probe measures what a bare MEC host can do (start the slice process, copy the device's
 * resources from the cloud); the handler probe drives the full 15-step procedure through the handler ME App and reads
 * its step trace. The lead can plug further probes in (e.g. a cold run that pulls the image first).
 */
public interface SlicePreparationProbe extends AutoCloseable {
    /** Short name for the table and the result file. */
    String name();

    /** What exactly is timed (written next to the numbers). */
    String description();

    /** Prepares one slice and tears it down again; bounded in time. */
    Run prepare(int run) throws Exception;

    /**
     * @param totalMs  from the request to the moment the device could use the slice
     * @param phasesMs named parts (e.g. slicing, offloading, or the procedure's step numbers)
     */
    record Run(double totalMs, Map<String, Double> phasesMs) {
    }

    @Override
    default void close() throws Exception {
    }
}
