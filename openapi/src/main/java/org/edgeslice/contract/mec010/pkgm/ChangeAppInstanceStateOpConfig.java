package org.edgeslice.contract.mec010.pkgm;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code ChangeAppInstanceStateOpConfig} (IFA 011 style): graceful stop bounds in seconds. */
@Schema(name = "ChangeAppInstanceStateOpConfig")
public record ChangeAppInstanceStateOpConfig(Integer minGracefulStopTimeout,
                                             Integer maxRecommendedGracefulStopTimeout,
                                             Map<String, Object> parameters) {
}
