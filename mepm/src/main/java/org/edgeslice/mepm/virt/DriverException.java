package org.edgeslice.mepm.virt;

/** The engine refused or failed an operation; the message says which and why. */
public class DriverException extends RuntimeException {

    public DriverException(String message, Throwable cause) {
        super(message, cause);
    }

    public DriverException(String message) {
        super(message);
    }
}
