package org.edgeslice.handler.request;

/**
 * PROCESSING (steps 02-14 running) → COMPLETED (the device has its endpoints) | FAILED. RELEASED: the slice that served
 * a completed request vanished (terminated outside the handler); the device must ask again.
 */
public enum RequestState {
    PROCESSING, COMPLETED, FAILED, RELEASED
}
