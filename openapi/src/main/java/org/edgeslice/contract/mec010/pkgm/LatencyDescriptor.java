package org.edgeslice.contract.mec010.pkgm;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code LatencyDescriptor}: the maximum latency the app tolerates, in milliseconds. */
@Schema(name = "LatencyDescriptor")
public record LatencyDescriptor(@Schema(required = true) Integer maxLatency) {
}
