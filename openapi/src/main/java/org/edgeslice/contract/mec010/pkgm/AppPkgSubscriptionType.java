package org.edgeslice.contract.mec010.pkgm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * ETSI GS MEC 010-2 {@code AppPkg.SubscriptionType}. Emitted with the v3.x spellings (typo
 * {@code AppPacakgeOperationChange} kept, as in the standard); the v2.1.1 value {@code AppPackageOnBoarding}
 * and correct spellings are accepted.
 */
public enum AppPkgSubscriptionType {
    AppPackageOnBoardingSubscription("AppPackageOnBoardingSubscription", "AppPackageOnBoarding"),
    AppPacakgeOperationChange("AppPacakgeOperationChange", "AppPackageOperationChange",
            "AppPackageOperationChangeSubscription"),
    AppPackageDeletion("AppPackageDeletion", "AppPackageDeletionSubscription");

    private final String wire;
    private final String[] aliases;

    AppPkgSubscriptionType(String wire, String... aliases) {
        this.wire = wire;
        this.aliases = aliases;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static AppPkgSubscriptionType parse(String value) {
        for (AppPkgSubscriptionType t : values()) {
            if (t.wire.equals(value)) {
                return t;
            }
            for (String a : t.aliases) {
                if (a.equals(value)) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("unknown subscriptionType '" + value + "'");
    }
}
