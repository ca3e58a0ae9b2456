package org.edgeslice.contract.common;

/** The media type of every error body of the MEC APIs (RFC 7807). */
public final class ProblemDetailsMediaType {

    public static final String VALUE = "application/problem+json";

    private ProblemDetailsMediaType() {
    }
}
