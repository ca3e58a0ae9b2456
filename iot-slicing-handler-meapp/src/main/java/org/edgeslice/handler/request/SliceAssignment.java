package org.edgeslice.handler.request;

import java.util.List;
import java.util.Map;

/**
 * Step 14: where the device goes from now on (step 15 runs directly against these endpoints).
 *
 * @param pointOfAccess the slice's main oneM2M endpoint (all functions), if it has one
 * @param endpoints     per-function oneM2M endpoints (registration, retrieve, subscription, notification)
 */
public record SliceAssignment(String sliceId, String appInstanceId, String hostId, String pointOfAccess,
                              Map<String, String> endpoints, List<String> functions, String cseId, String cseName) {
}
