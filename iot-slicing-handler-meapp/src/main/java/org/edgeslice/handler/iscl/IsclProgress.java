package org.edgeslice.handler.iscl;

import java.util.List;
import org.edgeslice.handler.request.StepRecord;

/** Progress of a running ISCL request, so the device sees the trace grow while it polls. */
public interface IsclProgress {
    /** The ISCL accepted the request; {@code reference} lets a restarted handler follow it ({@link IsclClient#follow}). */
    void accepted(String reference);

    /**
     * The ISCL accepted the request and its answer already carries the outcome (offloading only, answered within
     * the wait the handler asked for): nothing is to be followed, so the reference can be saved with the outcome
     * rather than on its own.
     */
    default void acceptedWithOutcome(String reference) {
        accepted(reference);
    }

    /** The ISCL's current step trace (04-12 so far). */
    void steps(List<StepRecord> steps);

    IsclProgress NONE = new IsclProgress() {
        @Override
        public void accepted(String reference) {
        }

        @Override
        public void steps(List<StepRecord> steps) {
        }
    };
}
