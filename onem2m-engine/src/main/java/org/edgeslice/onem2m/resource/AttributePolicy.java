package org.edgeslice.onem2m.resource;

/**
 * How an attribute may appear in CREATE and UPDATE requests (TS-0004 §7.4 resource tables: M mandatory,
 * O optional, NP not permitted; and the RW/RO/WO column of TS-0001 §9.6).
 */
public record AttributePolicy(String name, AttributeType type, Presence onCreate, Presence onUpdate) {

    /** M, O and NP of the TS-0004 attribute tables. */
    public enum Presence { MANDATORY, OPTIONAL, NOT_PERMITTED }

    public static AttributePolicy rw(String name, AttributeType type) {
        return new AttributePolicy(name, type, Presence.OPTIONAL, Presence.OPTIONAL);
    }

    public static AttributePolicy mandatoryRw(String name, AttributeType type) {
        return new AttributePolicy(name, type, Presence.MANDATORY, Presence.OPTIONAL);
    }

    /** Write-once: set on create only. */
    public static AttributePolicy wo(String name, AttributeType type) {
        return new AttributePolicy(name, type, Presence.OPTIONAL, Presence.NOT_PERMITTED);
    }

    public static AttributePolicy mandatoryWo(String name, AttributeType type) {
        return new AttributePolicy(name, type, Presence.MANDATORY, Presence.NOT_PERMITTED);
    }

    /** Read-only: assigned by the CSE, never accepted from a client. */
    public static AttributePolicy ro(String name, AttributeType type) {
        return new AttributePolicy(name, type, Presence.NOT_PERMITTED, Presence.NOT_PERMITTED);
    }
}
