package org.edgeslice.onem2m.resource;

import java.util.concurrent.ThreadLocalRandom;
import org.edgeslice.onem2m.common.ResourceType;

/**
 * Generates unstructured resource ids (TS-0001 §9.3.1: unique within the CSE). A type prefix plus 12 random
 * base-36 characters; callers re-draw on the (astronomically unlikely) clash with an existing id.
 */
public final class IdGenerator {
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private IdGenerator() {
    }

    public static String newId(ResourceType type) {
        return type.idPrefix() + random(12);
    }

    public static String random(int length) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[rnd.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
