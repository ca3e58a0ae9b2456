package org.edgeslice.contract.mec011;

import java.util.List;

/** ETSI GS MEC 011 {@code SecurityInfo} (clause 8.1.5.4): how a client authenticates at a transport. */
public record SecurityInfo(OAuth2Info oAuth2Info) {

    /** ETSI GS MEC 011 {@code SecurityInfo.oAuth2Info}. */
    public record OAuth2Info(List<String> grantTypes, String tokenEndpoint) {
    }
}
