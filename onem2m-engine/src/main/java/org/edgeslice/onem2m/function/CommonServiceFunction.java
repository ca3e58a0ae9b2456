package org.edgeslice.onem2m.function;

import java.util.Locale;

/**
 * The common service functions a slice may hold. Names follow the IoT slicing paper (Hwang et al. 2021), mapped
 * onto the CSFs of TS-0001 §6.2: REGISTRATION = Registration CSF (§6.2.9) incl. the Security CSF's access control
 * policies; RETRIEVE = the retrieval and Discovery CSF (§6.2.5); SUBSCRIPTION = the subscription half of
 * Subscription and Notification CSF (§6.2.8); NOTIFICATION = its notification half; DATA_MANAGEMENT = Data
 * Management and Repository CSF (§6.2.4), which every CSE holds: without it a device could not create data;
 * GROUP_MANAGEMENT = Group Management CSF (§6.2.7): {@code <group>} resources and their {@code fopt} fan-out,
 * held by the cloud's IN-CSE, not one of the paper's slice functions.
 */
public enum CommonServiceFunction {
    REGISTRATION,
    RETRIEVE,
    SUBSCRIPTION,
    NOTIFICATION,
    DATA_MANAGEMENT,
    GROUP_MANAGEMENT;

    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code registration}, {@code retrieve}, {@code data-management}... (case-insensitive). */
    public static CommonServiceFunction parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown common service function '" + text
                    + "' (expected registration, retrieve, subscription, notification, data-management, "
                    + "group-management)");
        }
    }
}
