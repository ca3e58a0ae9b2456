package org.edgeslice.contract.mec010.lcm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.stream.Stream;
import org.edgeslice.contract.mec010.WireNames;

/**
 * ETSI GS MEC 010-2 {@code LcmOperation}. The standard spells the first value {@code INSTATIATE} (v2.1.1 and
 * v3.x), so that is what is emitted; {@code INSTANTIATE} is accepted on input.
 */
public enum LcmOperation {
    INSTANTIATE("INSTATIATE"), OPERATE("OPERATE"), TERMINATE("TERMINATE");

    private final String wire;

    LcmOperation(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static LcmOperation parse(String value) {
        return WireNames.parse(values(), o -> Stream.of(o.wire, o.name()), "lcmOperation", value);
    }
}
