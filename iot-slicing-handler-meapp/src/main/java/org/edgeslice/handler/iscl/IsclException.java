package org.edgeslice.handler.iscl;

/** The ISCL could not be asked or refused the request (its message becomes the request's failure detail). */
public class IsclException extends RuntimeException {
    public IsclException(String message) {
        super(message);
    }

    public IsclException(String message, Throwable cause) {
        super(message, cause);
    }
}
