package org.edgeslice.onem2m.binding;

/** The oneM2M HTTP header names (TS-0009 §6.4) and the standard HTTP headers the binding reads or writes. */
public final class Onem2mHeaders {
    public static final String ORIGIN = "X-M2M-Origin";
    public static final String REQUEST_ID = "X-M2M-RI";
    public static final String RELEASE_VERSION = "X-M2M-RVI";
    public static final String RESPONSE_STATUS = "X-M2M-RSC";
    /** Request Expiration Timestamp ({@code rqet}): absolute oneM2M timestamp or relative milliseconds. */
    public static final String REQUEST_EXPIRATION = "X-M2M-RET";
    /** Result Expiration Timestamp ({@code rset}): read by nobody, a blocking request has its result at once. */
    public static final String RESULT_EXPIRATION = "X-M2M-RST";
    /** Operation Execution Time ({@code oet}): read by nobody, every operation is executed on arrival. */
    public static final String OPERATION_EXECUTION_TIME = "X-M2M-OET";
    /** Originating Timestamp ({@code ot}), set on every response. */
    public static final String ORIGINATING_TIMESTAMP = "X-M2M-OT";
    /** Vendor Information ({@code vsi}), echoed in the response. */
    public static final String VENDOR_INFORMATION = "X-M2M-VSI";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CONTENT_LOCATION = "Content-Location";
    public static final String ACCEPT = "Accept";
    public static final String ALLOW = "Allow";

    private Onem2mHeaders() {
    }
}
