package org.edgeslice.contract.mec010.pkgm;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code Checksum}: the algorithm (e.g. SHA-256) and the hex digest of a package or image. */
@Schema(name = "Checksum", description = "Algorithm and hash of a package or software image")
public record Checksum(
        @Schema(required = true, description = "Hash algorithm, e.g. SHA-256") String algorithm,
        @Schema(required = true, description = "Hexadecimal digest") String hash) {
}
