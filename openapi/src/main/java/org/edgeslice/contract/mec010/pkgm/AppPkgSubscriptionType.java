package org.edgeslice.contract.mec010.pkgm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.stream.Stream;
import org.edgeslice.contract.mec010.WireNames;

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
        return WireNames.parse(values(), t -> Stream.concat(Stream.of(t.wire), Stream.of(t.aliases)), "subscriptionType", value);
    }
}
