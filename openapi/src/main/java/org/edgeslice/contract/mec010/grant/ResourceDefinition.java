package org.edgeslice.contract.mec010.grant;

import org.edgeslice.contract.mec010.lcm.VimConnectionInfo;
import org.edgeslice.contract.mec010.pkgm.VirtualComputeDescriptor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 clause 6.2.4.x {@code ResourceDefinition}: a resource the MEPM asks to add, remove, ...
 * {@code virtualComputeDescriptor} is a project extension carrying the AppD's compute figures (the MEO
 * reserves capacity from them); {@code resourceTemplateId} names the AppD's virtualComputeDescId;
 * {@code resource} is required by the v2.1.1 file only for existing resources and is optional here.
 */
@Schema(name = "ResourceDefinition")
public record ResourceDefinition(
        @Schema(required = true) String id,
        @Schema(required = true) Type type,
        String vduId,
        @Schema(required = true) String resourceTemplateId,
        Resource resource,
        VirtualComputeDescriptor virtualComputeDescriptor) {

    /** {@code ResourceDefinition.Type}. */
    public enum Type { COMPUTE, VL, STORAGE, LINKPORT }

    /** {@code Resource}. */
    @Schema(name = "Resource")
    public record Resource(VimConnectionInfo vimConnectionInfo, @Schema(required = true) String resourceId) {
    }
}
