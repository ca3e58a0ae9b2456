package org.edgeslice.contract.mec010.lcm;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 clause 6.2.2.3 {@code CreateAppInstanceRequest}: the body of POST app_instances. On Mm3
 * (MEO -> MEPM) it may carry {@code appInstanceId}, which the MEPM adopts so that one id names the instance
 * at the MEO, the MEPM and the MEC platform (project extension, docs/interfaces.md); Mm1 clients omit it and
 * the MEO rejects it there.
 */
@Schema(name = "CreateAppInstanceRequest")
public record CreateAppInstanceRequest(
        @Schema(required = true) String appDId,
        String appInstanceName,
        String appInstanceDescription,
        @Schema(description = "Mm3 only: the id the MEPM adopts") String appInstanceId) {

    public CreateAppInstanceRequest(String appDId, String appInstanceName, String appInstanceDescription) {
        this(appDId, appInstanceName, appInstanceDescription, null);
    }
}
