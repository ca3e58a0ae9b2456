package org.edgeslice.contract.cloud;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the slicing handler asks for (Hwang et al. 2021, Fig. 7): step 03-1 "IoT function generation and task
 * offloading" (a new slice is needed) or step 03-2 "offloading only" (a running slice already holds the functions).
 */
@Schema(name = "RequestType", enumeration = {"FUNCTION_GENERATION_AND_OFFLOADING", "OFFLOADING_ONLY"})
public enum RequestType {
    FUNCTION_GENERATION_AND_OFFLOADING,
    OFFLOADING_ONLY
}
