package org.edgeslice.meapp.mp1;

/**
 * An Mp1 call failed: {@link #status()} is the HTTP status (0 when the platform could not be reached) and
 * {@link #detail()} the ProblemDetails text the platform gave, if any.
 */
public class Mp1Exception extends RuntimeException {
    private final int status;
    private final String detail;

    public Mp1Exception(String operation, int status, String detail) {
        super(operation + " -> " + (status == 0 ? "unreachable" : "HTTP " + status) + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.detail = detail;
    }

    public Mp1Exception(String operation, Throwable cause) {
        super(operation + " -> unreachable: " + cause, cause);
        this.status = 0;
        this.detail = String.valueOf(cause);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }
}
