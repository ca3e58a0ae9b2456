package org.edgeslice.onem2m.common;

/** Resource types handled by the engine, with their {@code ty} (TS-0004 §6.3.4.2.1) and JSON root name (TS-0004 §8.2.3). */
public enum ResourceType {
    ACCESS_CONTROL_POLICY(1, "m2m:acp", "acp"),
    AE(2, "m2m:ae", "ae"),
    CONTAINER(3, "m2m:cnt", "cnt"),
    CONTENT_INSTANCE(4, "m2m:cin", "cin"),
    CSE_BASE(5, "m2m:cb", "cb"),
    GROUP(9, "m2m:grp", "grp"),
    SUBSCRIPTION(23, "m2m:sub", "sub");

    private final int ty;
    private final String root;
    private final String idPrefix;

    ResourceType(int ty, String root, String idPrefix) {
        this.ty = ty;
        this.root = root;
        this.idPrefix = idPrefix;
    }

    public int ty() {
        return ty;
    }

    /** The namespace-qualified root element, e.g. {@code m2m:cnt}. */
    public String root() {
        return root;
    }

    /** Prefix of generated resource ids; makes ids readable in logs. */
    public String idPrefix() {
        return idPrefix;
    }

    /** @return the type, or {@code null} if {@code ty} is not one the engine handles */
    public static ResourceType fromTy(int ty) {
        for (ResourceType t : values()) {
            if (t.ty == ty) {
                return t;
            }
        }
        return null;
    }

    /**
     * Whether oneM2M defines {@code ty} (TS-0004 Table 6.3.4.2.1-1: the normal types run from 1 to 64 as of
     * Release 5, the announced variants are 10000 plus the type). A defined type this CSE does not handle is
     * answered 5001 NOT_IMPLEMENTED, an undefined one 4000 (docs/conformance.md).
     */
    public static boolean isDefined(int ty) {
        // 24 is <semanticDescriptor>, and "mixed" in a group's memberType (TS-0004 m2m:memberType)
        return ty >= 1 && ty <= 64 || ty >= 10001 && ty <= 10064;
    }
}
