package org.edgeslice.onem2m.common;

/**
 * oneM2M Response Status Codes (TS-0004 §6.6) with their HTTP status codes (TS-0009 §6.6).
 *
 * <p>Where implementations disagree (4001, 4008, 5106) we follow ACME and tinyIoT, see ONEM2M notes §2.2.
 */
public enum ResponseStatusCode {
    ACCEPTED(1000, 202),
    OK(2000, 200),
    CREATED(2001, 201),
    DELETED(2002, 200),
    UPDATED(2004, 200),
    BAD_REQUEST(4000, 400),
    RELEASE_VERSION_NOT_SUPPORTED(4001, 501),
    NOT_FOUND(4004, 404),
    OPERATION_NOT_ALLOWED(4005, 405),
    REQUEST_TIMEOUT(4008, 504),
    UNSUPPORTED_MEDIA_TYPE(4015, 415),
    SUBSCRIPTION_CREATOR_HAS_NO_PRIVILEGE(4101, 403),
    CONTENTS_UNACCEPTABLE(4102, 400),
    ORIGINATOR_HAS_NO_PRIVILEGE(4103, 403),
    CONFLICT(4105, 409),
    ORIGINATOR_HAS_NOT_REGISTERED(4106, 403),
    SECURITY_ASSOCIATION_REQUIRED(4107, 403),
    INVALID_CHILD_RESOURCE_TYPE(4108, 403),
    GROUP_MEMBER_TYPE_INCONSISTENT(4110, 400),
    ORIGINATOR_HAS_ALREADY_REGISTERED(4117, 403),
    INTERNAL_SERVER_ERROR(5000, 500),
    NOT_IMPLEMENTED(5001, 501),
    TARGET_NOT_REACHABLE(5103, 404),
    RECEIVER_HAS_NO_PRIVILEGE(5105, 403),
    ALREADY_EXISTS(5106, 409),
    TARGET_NOT_SUBSCRIBABLE(5203, 403),
    SUBSCRIPTION_VERIFICATION_INITIATION_FAILED(5204, 500),
    SUBSCRIPTION_HOST_HAS_NO_PRIVILEGE(5205, 403),
    NON_BLOCKING_SYNCH_REQUEST_NOT_SUPPORTED(5206, 501),
    NOT_ACCEPTABLE(5207, 406),
    MAX_NUMBER_OF_MEMBER_EXCEEDED(6010, 400),
    INVALID_ARGUMENTS(6023, 400),
    INSUFFICIENT_ARGUMENTS(6024, 400);

    private final int code;
    private final int httpStatus;

    ResponseStatusCode(int code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** The 4-digit oneM2M code carried in {@code X-M2M-RSC}. */
    public int code() {
        return code;
    }

    /** The HTTP status per TS-0009 §6.6. */
    public int httpStatus() {
        return httpStatus;
    }

    public boolean isSuccess() {
        return code >= 2000 && code < 3000;
    }

    public static ResponseStatusCode fromCode(int code) {
        for (ResponseStatusCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown RSC " + code);
    }
}
