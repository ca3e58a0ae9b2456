package org.edgeslice.onem2m.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/**
 * Delivers one NOTIFY request (TS-0004 §7.3.2.5 / §7.4.1.2.x "Notify") to a notification target. A binding-specific
 * sender maps it to the wire, e.g. an HTTP POST without {@code ty} in the Content-Type (TS-0009 §6.2.3).
 * Implementations must be thread-safe and block until the receiver answered or the attempt failed; retries are
 * the caller's business.
 */
public interface NotificationSender extends AutoCloseable {

    /**
     * @param target     the notification target's URL (from {@code nu} or an AE's {@code poa})
     * @param originator {@code From} of the notification: the hosting CSE's CSE-ID, or the original originator
     *                   of a re-targeted NOTIFY
     * @param requestId  {@code rqi}
     * @param body       {@code {"m2m:sgn": ...}}
     * @return the receiver's answer; never throws for network failures
     */
    DeliveryResult send(URI target, String originator, String requestId, JsonNode body);

    /**
     * As {@link #send(URI, String, String, JsonNode)}, with the release version the request is to carry (the
     * target AE's highest {@code srv} entry, ACME {@code test_checkTargetRVI}); a sender whose binding has no
     * such header ignores it.
     *
     * @param releaseVersion {@code rvi}, or null for the sender's default
     */
    default DeliveryResult send(URI target, String originator, String requestId, JsonNode body,
                                String releaseVersion) {
        return send(target, originator, requestId, body);
    }

    @Override
    default void close() {
    }

    /**
     * Outcome of one attempt.
     *
     * @param delivered whether the receiver answered 2000 OK (TS-0004 §7.4.1.2.2: anything else is a failure)
     * @param rsc       the receiver's {@code X-M2M-RSC}, or -1 if none arrived
     * @param detail    why it failed, for logs
     */
    record DeliveryResult(boolean delivered, int rsc, String detail) {
        public static DeliveryResult failed(String detail) {
            return new DeliveryResult(false, -1, detail);
        }

        /**
         * The outcome of an HTTP answer (TS-0009): its {@code X-M2M-RSC} decides; a plain HTTP receiver without
         * oneM2M headers is taken as delivered on a 2xx, as ACME does.
         *
         * @param rscHeader the answer's {@code X-M2M-RSC}, or null
         */
        public static DeliveryResult ofHttpAnswer(String rscHeader, int httpStatus) {
            if (rscHeader != null) {
                int code;
                try {
                    code = Integer.parseInt(rscHeader.trim());
                } catch (NumberFormatException e) {
                    code = -1;
                }
                return new DeliveryResult(code == 2000, code, "receiver answered " + code);
            }
            return new DeliveryResult(httpStatus / 100 == 2, -1, "HTTP " + httpStatus);
        }
    }
}
