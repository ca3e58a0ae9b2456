package org.edgeslice.contract.mec010.pkgm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.stream.Stream;
import org.edgeslice.contract.mec010.WireNames;

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
        return WireNames.parse(values(), t -> Stream.concat(Stream.of(t.wire), Stream.of(t.aliases)), "notificationType", value);
    }
}
