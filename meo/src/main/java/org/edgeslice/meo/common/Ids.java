package org.edgeslice.meo.common;

import java.util.UUID;

/** Resource identifiers: random UUIDs, valid in URI paths, container labels and MEPM/MEC platform ids. */
public final class Ids {

    private Ids() {
    }

    public static String next() {
        return UUID.randomUUID().toString();
    }
}
