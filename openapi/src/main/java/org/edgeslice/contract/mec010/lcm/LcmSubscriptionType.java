package org.edgeslice.contract.mec010.lcm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.stream.Stream;
import org.edgeslice.contract.mec010.WireNames;

/**
 * ETSI GS MEC 010-2 app_lcm subscription types, emitted with the v3.x names; the v2.1.1 names
 * ({@code AppInstanceStateChange}, {@code AppLcmOpOccStateChange}) are accepted.
 */
public enum LcmSubscriptionType {
    AppInstanceStateChangeSubscription("AppInstanceStateChange"),
    AppLcmOpOccStateChangeSubscription("AppLcmOpOccStateChange"),
    AppInstIdCreationSubscription("AppInstanceIdCreationSubscription"),
    AppInstIdDeletionSubscription("AppInstanceIdDeletionSubscription");

    private final String alias;

    LcmSubscriptionType(String alias) {
        this.alias = alias;
    }

    @JsonValue
    public String wire() {
        return name();
    }

    @JsonCreator
    public static LcmSubscriptionType parse(String value) {
        return WireNames.parse(values(), t -> Stream.of(t.name(), t.alias), "subscriptionType", value);
    }

    /** The type named by a v2.1.1 or v3.x value, or null. */
    public static LcmSubscriptionType parseOrNull(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
