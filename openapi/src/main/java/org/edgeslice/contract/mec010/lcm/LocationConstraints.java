package org.edgeslice.contract.mec010.lcm;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 {@code LocationConstraints}: {@code countryCode} and RFC 4776 civic address elements. The
 * MEO's placement matches civic address values against the hosts' zone names (see docs/conformance/meo.md).
 */
@Schema(name = "LocationConstraints")
public record LocationConstraints(@Schema(required = true) String countryCode,
                                  List<CivicAddressElement> civicAddressElement) {

    /** {@code CivicAddressElement}. */
    @Schema(name = "CivicAddressElement")
    public record CivicAddressElement(@Schema(required = true) Integer caType,
                                      @Schema(required = true) String caValue) {
    }
}
