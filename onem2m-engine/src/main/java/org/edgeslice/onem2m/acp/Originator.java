package org.edgeslice.onem2m.acp;

/**
 * Who asks, as access control sees it: the originator's ID ({@code From}, TS-0004 §6.3.2) and the IP address the
 * request came from, which {@code acip} contexts test ({@link AccessControlContexts}).
 *
 * @param id      AE-ID, CSE-ID or the admin originator; may be empty for an AE registering without one
 * @param address the peer's IP address literal, or null when the request did not come over a network binding
 */
public record Originator(String id, String address) {

    /** The originator of a request, as it arrived. */
    public static Originator of(org.edgeslice.onem2m.request.Request request) {
        return new Originator(request.from(), request.originatorAddress());
    }
}
