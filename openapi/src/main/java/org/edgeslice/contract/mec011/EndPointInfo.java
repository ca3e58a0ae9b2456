package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * ETSI GS MEC 011 {@code EndPointInfo} (clause 8.1.5.2): one of {@code uris}, {@code fqdn}, {@code addresses}
 * or {@code alternative}. Only the first three are modelled; {@code alternative} is implementation specific.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EndPointInfo(List<String> uris, List<String> fqdn, List<Address> addresses) {

    public static EndPointInfo ofUri(String uri) {
        return new EndPointInfo(List.of(uri), null, null);
    }

    /** ETSI GS MEC 011 {@code EndPointInfo.Address}. */
    public record Address(String host, int port) {
    }
}
