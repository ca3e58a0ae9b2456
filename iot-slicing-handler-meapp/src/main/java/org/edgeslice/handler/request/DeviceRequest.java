package org.edgeslice.handler.request;

import java.util.List;

/**
 * Step 01: what a device asks the handler for (body of {@code POST iot_slicing/v1/requests}).
 *
 * @param functions common service functions: registration, retrieve, subscription, notification, data-management
 * @param tasks     oneM2M structured paths in the cloud IN-CSE to offload, e.g. /in-cse/Cars/CarA
 * @param latencyMs latency bound asked by the device
 * @param dataRate  expected data rate (messages per second); a hint for the cloud's sync mode
 */
public record DeviceRequest(String deviceId, String serviceType, List<String> functions, List<String> tasks,
                            DeviceLocation location, Integer latencyMs, Double dataRate) {
}
