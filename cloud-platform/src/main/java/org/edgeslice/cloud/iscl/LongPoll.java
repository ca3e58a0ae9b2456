package org.edgeslice.cloud.iscl;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.edgeslice.contract.cloud.SlicingRequestInfo;
import org.edgeslice.support.http.PreferWait;

/** The long poll of a slicing request: its entity tag and the RFC 7240 {@code Prefer: wait=N} preference. */
final class LongPoll {

    static final int MAX_WAIT_SECONDS = 60;

    private LongPoll() {
    }

    /** The seconds a client is prepared to wait (0 when it did not say), capped at {@link #MAX_WAIT_SECONDS}. */
    static int waitSeconds(String prefer) {
        return PreferWait.seconds(prefer, MAX_WAIT_SECONDS);
    }

    /** A strong tag of the request's content: it changes with every saved step, log line or state. */
    static String etag(SlicingRequestInfo info) {
        return "\"" + Integer.toHexString(info.hashCode()) + "\"";
    }

    static Response ok(SlicingRequestInfo info, int waited) {
        Response.ResponseBuilder b = Response.ok(info).header("ETag", etag(info));
        return waited > 0 ? b.header("Preference-Applied", "wait=" + waited).build() : b.build();
    }

    static boolean isFinal(SlicingRequestInfo info) {
        return "COMPLETED".equals(info.state()) || "FAILED".equals(info.state());
    }

    static EntityTag tag(SlicingRequestInfo info) {
        return EntityTag.valueOf(etag(info));
    }
}
