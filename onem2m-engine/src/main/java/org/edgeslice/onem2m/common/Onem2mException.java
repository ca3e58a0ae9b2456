package org.edgeslice.onem2m.common;

/**
 * A request failed with a oneM2M Response Status Code (TS-0004 §6.6). Thrown anywhere in a procedure;
 * the engine turns it into an error response carrying {@code m2m:dbg}.
 */
public class Onem2mException extends RuntimeException {
    private final ResponseStatusCode rsc;

    public Onem2mException(ResponseStatusCode rsc, String message) {
        super(message, null, false, false); // no stack trace: these are expected outcomes, not bugs
        this.rsc = rsc;
    }

    public ResponseStatusCode rsc() {
        return rsc;
    }

    public static Onem2mException badRequest(String message) {
        return new Onem2mException(ResponseStatusCode.BAD_REQUEST, message);
    }

    public static Onem2mException notFound(String message) {
        return new Onem2mException(ResponseStatusCode.NOT_FOUND, message);
    }

    public static Onem2mException notAllowed(String message) {
        return new Onem2mException(ResponseStatusCode.OPERATION_NOT_ALLOWED, message);
    }
}
