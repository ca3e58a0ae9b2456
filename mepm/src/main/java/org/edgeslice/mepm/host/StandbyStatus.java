package org.edgeslice.mepm.host;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The standby container pool: its size per AppD, and (read-only) the containers ready now per AppD. */
@Schema(name = "MepmStandby")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StandbyStatus(
        @Schema(required = true, minimum = "0", maximum = "8",
                description = "standby containers kept per AppD that declares the standby start") Integer size,
        @Schema(readOnly = true, description = "AppD id -> standby containers ready now (read-only)")
        Map<String, Integer> ready) {
}
