package org.edgeslice.handler.iscl;

import java.util.List;
import org.edgeslice.handler.request.StepRecord;
import org.edgeslice.handler.slice.SliceEntry;

/**
 * What the ISCL answered when the request ended (steps 11-12).
 *
 * @param completed        true: the tasks are offloaded to {@code slice}; false: {@code error} says why not
 * @param steps            the steps the ISCL reports (04-12)
 * @param slice            the slice serving the request (functions, endpoints, host, app instance)
 * @param startedFunctions functions started for this request (empty for offloading only)
 */
public record IsclOutcome(boolean completed, List<StepRecord> steps, SliceEntry slice, List<String> startedFunctions,
                          String error) {
}
