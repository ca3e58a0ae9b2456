package org.edgeslice.mepm.lcm;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of an app container's last log lines an operator needs in a failed operation's error: a Java stack
 * trace's frames are cut to the first few of each trace, so that the exception's message (which comes before its
 * frames) is not pushed out of the bounded text by the frames below it.
 */
final class LogTail {

    static final int MAX_CHARS = 1500;
    private static final int FRAMES_KEPT = 2;

    private LogTail() {
    }

    /** @param log the container's last lines; @return them with each stack trace cut, at most {@link #MAX_CHARS} */
    static String essentials(String log) {
        List<String> kept = new ArrayList<>();
        int frames = 0;
        for (String line : log.split("\n", -1)) {
            boolean frame = line.stripLeading().startsWith("at ") && (line.startsWith("\t") || line.startsWith(" "));
            if (!frame) {
                frames = 0;
                kept.add(line);
            } else if (frames++ < FRAMES_KEPT) {
                kept.add(line);
            } else if (frames == FRAMES_KEPT + 1) {
                kept.add("\t...");
            }
        }
        String text = String.join("\n", kept).strip();
        return text.length() > MAX_CHARS ? "..." + text.substring(text.length() - MAX_CHARS) : text;
    }
}
