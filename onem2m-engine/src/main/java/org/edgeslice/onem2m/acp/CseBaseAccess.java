package org.edgeslice.onem2m.acp;

/**
 * Who may RETRIEVE (and DISCOVER under) the CSEBase while it has no {@code acpi}: its default access policy,
 * which TS-0001 §9.6.2 leaves to the CSE (docs/conformance.md, "oneM2M access control choices").
 */
public enum CseBaseAccess {
    /** Any originator, registered or not (the engine's behaviour before this became a setting). */
    ANYONE,
    /**
     * Only originators this CSE knows: the AE-ID of an AE registered here, the admin originator, and the CSE
     * itself. Everyone else gets 4103, as ACME does (testCSE {@code test_retrieveCSEWithWrongOriginator}).
     */
    REGISTERED;

    /** @return the value for a setting {@code anyone} or {@code registered} (case-insensitive) */
    public static CseBaseAccess parse(String setting) {
        for (CseBaseAccess a : values()) {
            if (a.name().equalsIgnoreCase(setting.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("cseBaseRetrieve must be anyone or registered: " + setting);
    }
}
