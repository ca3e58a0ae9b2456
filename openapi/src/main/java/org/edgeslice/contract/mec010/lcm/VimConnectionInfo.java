package org.edgeslice.contract.mec010.lcm;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code VimConnectionInfo}. */
@Schema(name = "VimConnectionInfo")
public record VimConnectionInfo(@Schema(required = true) String id, String vimId,
                                @Schema(required = true) String vimType,
                                Map<String, Object> interfaceInfo, Map<String, Object> accessInfo,
                                Map<String, Object> extra) {
}
