package org.edgeslice.contract.mec010.pkgm;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 {@code TerminateAppInstanceOpConfig} (IFA 011 style): the longest graceful termination
 * the app accepts, in seconds, and free parameters.
 */
@Schema(name = "TerminateAppInstanceOpConfig")
public record TerminateAppInstanceOpConfig(Integer minGracefulTerminationTimeout,
                                           Integer maxRecommendedGracefulTerminationTimeout,
                                           Map<String, Object> parameters) {
}
