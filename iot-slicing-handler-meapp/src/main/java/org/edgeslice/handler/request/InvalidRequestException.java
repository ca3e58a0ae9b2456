package org.edgeslice.handler.request;

/** The device's request is malformed: answered 400 with the message as ProblemDetails detail. */
public class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String message) {
        super(message);
    }
}
