package org.edgeslice.handler.iscl;

import org.edgeslice.handler.request.DeviceRequest;
import org.edgeslice.handler.request.SlicingPath;

/**
 * Step 03: what the handler asks of the ISCL.
 *
 * @param path          SLICING = 03-1 "IoT function generation and task offloading"; OFFLOADING_ONLY = 03-2
 * @param slice         for OFFLOADING_ONLY: the covering slice (its ISCL slice id, or app instance id if the ISCL
 *                      id is unknown)
 * @param hostId        this handler's MEC host (where the slice should run)
 * @param requester     the handler's app instance id
 */
public record IsclRequest(String handlerRequestId, SlicingPath path, DeviceRequest device, String slice,
                          String hostId, String requester) {
}
