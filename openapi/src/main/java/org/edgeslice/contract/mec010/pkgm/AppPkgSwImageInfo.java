package org.edgeslice.contract.mec010.pkgm;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 {@code AppPkgSWImageInfo} (NFV-SOL 005 VnfPackageSoftwareImageInfo subset): a software
 * image of a package. For container images {@code imagePath} is the image reference (e.g.
 * {@code 127.0.0.1:5000/iot-slice:1.0}).
 */
@Schema(name = "AppPkgSWImageInfo")
public record AppPkgSwImageInfo(
        @Schema(required = true) String id,
        @Schema(required = true) String name,
        String provider,
        @Schema(required = true) String version,
        Checksum checksum,
        @Schema(required = true) String containerFormat,
        String diskFormat,
        Long size,
        @Schema(required = true) String imagePath) {
}
