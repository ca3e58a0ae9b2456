package org.edgeslice.contract.mec010.pkgm;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code AppPkgArtifactInfo}: an additional artifact in the package (path inside the zip). */
@Schema(name = "AppPkgArtifactInfo")
public record AppPkgArtifactInfo(
        @Schema(required = true) String artifactPath,
        Checksum checksum) {
}
