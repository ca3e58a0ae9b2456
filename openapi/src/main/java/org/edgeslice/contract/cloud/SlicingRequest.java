package org.edgeslice.contract.cloud;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST iscl/v1/slicing_requests}: the handler's step 03-1 or 03-2 request.
 * FUNCTION_GENERATION_AND_OFFLOADING needs {@code functions}; OFFLOADING_ONLY needs {@code sliceId}; both need at
 * least one task.
 */
@Schema(name = "SlicingRequest", description = "Step 03 request of the slicing handler")
public record SlicingRequest(
        @Schema(required = true) RequestType requestType,
        @Schema(description = "Name of the IoT service the device asked for") String serviceName,
        @Schema(description = "Common service functions: registration, retrieve, subscription, notification "
                + "(data-management is always part of a slice)") List<String> functions,
        @Schema(required = true) List<TaskSpec> tasks,
        @Schema(description = "OFFLOADING_ONLY: the running slice that covers the functions") String sliceId,
        @Schema(description = "MEC host to instantiate on (selectedMECHostInfo); else the MEO places") String hostId,
        @Schema Location location,
        @Schema(description = "Latency bound asked by the device, in ms") Integer latencyBoundMs,
        @Schema(description = "Who asks: the handler's app instance id or the device id") String requester,
        @Schema(description = "Optional: the final SlicingRequestInfo is POSTed here") String callbackUri) {
}
