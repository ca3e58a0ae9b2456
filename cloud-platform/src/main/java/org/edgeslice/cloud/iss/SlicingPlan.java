package org.edgeslice.cloud.iss;

import java.util.List;
import org.edgeslice.cloud.issm.FunctionSelection;
import org.edgeslice.contract.cloud.Location;
import org.edgeslice.contract.cloud.SliceInfo;
import org.edgeslice.contract.cloud.TaskSpec;

/**
 * A slicing request as the ISCL structured it for the ISS (step 04): the function set of the slice to create (or
 * the running slice to use), the tasks with their sync modes, and the target edge node (a named host, else the
 * device's location for the MEO's placement).
 *
 * @param addedFunctions functions the ISCL added because the tasks' synchronisation needs them
 */
public record SlicingPlan(FunctionSelection functions, List<TaskSpec> tasks, SliceInfo existingSlice, String hostId,
                          Location location, List<String> addedFunctions) {
}
