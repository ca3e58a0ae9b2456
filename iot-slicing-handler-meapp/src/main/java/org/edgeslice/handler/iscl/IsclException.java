package org.edgeslice.handler.iscl;

/**
 * The ISCL could not be asked or refused the request (its message becomes the request's failure detail).
 * {@link #status()} is the ISCL's HTTP status when it answered (404 unknown slice, 409 slice not usable...), else 0.
 */
public class IsclException extends RuntimeException {
    private final int status;

    public IsclException(String message) {
        this(message, 0);
    }

    public IsclException(String message, int status) {
        super(message);
        this.status = status;
    }

    public IsclException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }
}
