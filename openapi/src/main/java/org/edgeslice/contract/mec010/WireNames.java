package org.edgeslice.contract.mec010;

import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads an enum value from the spellings MEC 010-2 uses on the wire: the standard's own (typos included), the
 * v2.1.1 names and the correct spellings all name the same constant, so every such enum parses the same way.
 */
public final class WireNames {

    private WireNames() {
    }

    /**
     * The constant of {@code values} one of whose {@code spellings} is {@code value}.
     *
     * @throws IllegalArgumentException naming {@code field} when none matches (Jackson reports it as a 400)
     */
    public static <E extends Enum<E>> E parse(E[] values, Function<E, Stream<String>> spellings, String field,
                                              String value) {
        for (E e : values) {
            if (spellings.apply(e).anyMatch(s -> s.equals(value))) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + field + " '" + value + "'");
    }
}
