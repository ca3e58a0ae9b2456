package org.edgeslice.contract.mec010.pkgm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * ETSI GS MEC 010-2 {@code AppPkg.NotificationType}, emitted as the schema spells it ({@code AppPacakgeEnabled},
 * {@code AppPacakgeDisabled}); correct spellings are accepted on input.
 */
public enum AppPkgNotificationType {
    AppPackageOnBoarded("AppPackageOnBoarded"),
    AppPacakgeEnabled("AppPacakgeEnabled", "AppPackageEnabled"),
    AppPacakgeDisabled("AppPacakgeDisabled", "AppPackageDisabled"),
    AppPackageDeleted("AppPackageDeleted");

    private final String wire;
    private final String[] aliases;

    AppPkgNotificationType(String wire, String... aliases) {
        this.wire = wire;
        this.aliases = aliases;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static AppPkgNotificationType parse(String value) {
        for (AppPkgNotificationType t : values()) {
            if (t.wire.equals(value)) {
                return t;
            }
            for (String a : t.aliases) {
                if (a.equals(value)) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("unknown notificationType '" + value + "'");
    }
}
