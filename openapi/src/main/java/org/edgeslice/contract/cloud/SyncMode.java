package org.edgeslice.contract.cloud;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How the cloud keeps seeing an offloaded task: SUBSCRIPTION (the slice notifies every change, the CISS applies it;
 * cloud retrieves are answered from the cloud copy) or REDIRECT (for high-rate data: cloud retrieves of the task's
 * resources are answered by the slice).
 */
@Schema(name = "SyncMode", enumeration = {"SUBSCRIPTION", "REDIRECT"})
public enum SyncMode {
    SUBSCRIPTION,
    REDIRECT
}
