package org.edgeslice.onem2m.common;

/** Request operations (TS-0004 §6.3.2.2 "op"), with the ACP access-control-operation bits (TS-0004 §6.3.4.2.26). */
public enum Operation {
    CREATE(1, 1),
    RETRIEVE(2, 2),
    UPDATE(3, 4),
    DELETE(4, 8),
    NOTIFY(5, 16),
    /** Not an op on the wire: a RETRIEVE with fu=1, checked against the DISCOVERY ACP bit. */
    DISCOVERY(2, 32);

    private final int op;
    private final int acopBit;

    Operation(int op, int acopBit) {
        this.op = op;
        this.acopBit = acopBit;
    }

    public int op() {
        return op;
    }

    public int acopBit() {
        return acopBit;
    }
}
