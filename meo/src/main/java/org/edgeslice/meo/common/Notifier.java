package org.edgeslice.meo.common;

/**
 * Queues a notification for a subscriber's callback. Called inside the transaction of the state change it
 * reports; delivery (POST, retries with back-off) happens after commit and survives a restart.
 */
public interface Notifier {

    void enqueue(String callbackUri, Object notification);
}
