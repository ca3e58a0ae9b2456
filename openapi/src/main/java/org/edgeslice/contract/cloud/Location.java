package org.edgeslice.contract.cloud;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the device is (WGS84 degrees and a zone name); used by the MEO's placement when no host is named. */
@Schema(name = "DeviceLocation")
public record Location(@Schema Double latitude, @Schema Double longitude, @Schema String zone) {
}
