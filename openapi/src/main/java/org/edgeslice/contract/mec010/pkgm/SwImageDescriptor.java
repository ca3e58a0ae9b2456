package org.edgeslice.contract.mec010.pkgm;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS NFV-IFA 011 {@code SwImageDesc} as referenced by the MEC 010-2 AppD. For container-based apps
 * {@code containerFormat} is {@code DOCKER} and {@code swImage} is the OCI image reference the MEPM pulls
 * (e.g. {@code 127.0.0.1:5000/edgeslice/iot-slice:0.1.0}).
 */
@Schema(name = "SwImageDescriptor")
public record SwImageDescriptor(
        @Schema(required = true) String id,
        @Schema(required = true) String name,
        @Schema(required = true) String version,
        Checksum checksum,
        @Schema(required = true) String containerFormat,
        String diskFormat,
        Long minDisk,
        Long minRam,
        Long size,
        @Schema(required = true, description = "Container image reference") String swImage,
        String operatingSystem,
        List<String> supportedVirtualisationEnvironment) {
}
