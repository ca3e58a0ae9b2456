package org.edgeslice.onem2m.binding;

/** The oneM2M HTTP header names (TS-0009 §6.4). */
public final class Onem2mHeaders {
    public static final String ORIGIN = "X-M2M-Origin";
    public static final String REQUEST_ID = "X-M2M-RI";
    public static final String RELEASE_VERSION = "X-M2M-RVI";
    public static final String RESPONSE_STATUS = "X-M2M-RSC";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CONTENT_LOCATION = "Content-Location";

    private Onem2mHeaders() {
    }
}
