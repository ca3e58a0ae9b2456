package org.edgeslice.support.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RFC 7240 {@code Prefer: wait=N} preference of a long poll: how many seconds a client is prepared to wait for
 * a change before the server answers with what it has.
 */
public final class PreferWait {

    private static final Pattern WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*(\\d{1,6})");

    private PreferWait() {
    }

    /** The seconds a client is prepared to wait (0 when it did not say), at most {@code max}. */
    public static int seconds(String prefer, int max) {
        if (prefer == null) {
            return 0;
        }
        Matcher m = WAIT.matcher(prefer);
        return m.find() ? Math.min(Integer.parseInt(m.group(1)), max) : 0;
    }
}
