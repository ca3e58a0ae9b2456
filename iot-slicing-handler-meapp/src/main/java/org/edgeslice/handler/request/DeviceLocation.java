package org.edgeslice.handler.request;

/** Where the device is: WGS84 degrees and/or a zone name (all optional). */
public record DeviceLocation(Double latitude, Double longitude, String zone) {
}
