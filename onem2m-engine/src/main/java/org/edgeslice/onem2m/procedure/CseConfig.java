package org.edgeslice.onem2m.procedure;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.edgeslice.onem2m.acp.CseBaseAccess;
import org.edgeslice.onem2m.function.FunctionSet;

/**
 * Identity and policy of one CSE.
 *
 * @param cseId        CSE-ID, starting with {@code /} (TS-0001 §7.2), e.g. {@code /id-mn}; the CSEBase's {@code ri}
 *                     is this without the slash
 * @param cseName      CSEBase resource name, first element of structured addresses, e.g. {@code cse-mn}
 * @param cseType      {@code cst}: 1 IN, 2 MN, 3 ASN
 * @param adminOriginator an originator allowed everything (TS-0001 §9.6.2 leaves the default policy to the CSE)
 * @param functions    the common service functions this CSE holds
 * @param supportedReleases {@code srv}, e.g. 2a, 3, 4, 5
 * @param pointOfAccess {@code poa} of the CSEBase
 * @param defaultExpiry {@code et} given to resources created without one
 * @param notificationRetries delivery attempts per notification target beyond the first
 * @param cseBaseRetrieve who may RETRIEVE/DISCOVER the CSEBase while it has no {@code acpi} (TS-0001 §9.6.2 leaves
 *                     the default policy to the CSE): {@link CseBaseAccess#REGISTERED} (the default: registered
 *                     AEs, the admin and the CSE itself, as ACME) or {@link CseBaseAccess#ANYONE}
 */
public record CseConfig(String cseId, String cseName, int cseType, String adminOriginator, FunctionSet functions,
                        List<String> supportedReleases, List<String> pointOfAccess, Duration defaultExpiry,
                        int notificationRetries, CseBaseAccess cseBaseRetrieve) {
    /** The default CSEBase access: every caller in this repository reads the CSEBase as admin or registered AE. */
    public static final CseBaseAccess DEFAULT_CSE_BASE_RETRIEVE = CseBaseAccess.REGISTERED;

    public CseConfig {
        Objects.requireNonNull(cseBaseRetrieve);
        Objects.requireNonNull(cseId);
        if (!cseId.startsWith("/") || cseId.length() < 2 || cseId.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("CSE-ID must look like /id-mn: " + cseId);
        }
        if (cseName.isEmpty() || cseName.contains("/")) {
            throw new IllegalArgumentException("invalid CSE name " + cseName);
        }
    }

    /** With the default CSEBase access ({@link #DEFAULT_CSE_BASE_RETRIEVE}). */
    public CseConfig(String cseId, String cseName, int cseType, String adminOriginator, FunctionSet functions,
                     List<String> supportedReleases, List<String> pointOfAccess, Duration defaultExpiry,
                     int notificationRetries) {
        this(cseId, cseName, cseType, adminOriginator, functions, supportedReleases, pointOfAccess, defaultExpiry,
                notificationRetries, DEFAULT_CSE_BASE_RETRIEVE);
    }

    /** An MN-CSE with every function, for tests and as a starting point. */
    public static CseConfig defaults(String cseId, String cseName) {
        return new CseConfig(cseId, cseName, 2, "CAdmin", FunctionSet.all(), List.of("2a", "3", "4", "5"),
                List.of(), Duration.ofDays(3650), 2);
    }

    public CseConfig withFunctions(FunctionSet f) {
        return new CseConfig(cseId, cseName, cseType, adminOriginator, f, supportedReleases, pointOfAccess,
                defaultExpiry, notificationRetries, cseBaseRetrieve);
    }

    public CseConfig withPointOfAccess(List<String> poa) {
        return new CseConfig(cseId, cseName, cseType, adminOriginator, functions, supportedReleases, poa,
                defaultExpiry, notificationRetries, cseBaseRetrieve);
    }

    /** @param access the setting {@code cseBaseRetrieve}: {@code anyone} or {@code registered} */
    public CseConfig withCseBaseRetrieve(CseBaseAccess access) {
        return new CseConfig(cseId, cseName, cseType, adminOriginator, functions, supportedReleases, pointOfAccess,
                defaultExpiry, notificationRetries, access);
    }

    /** The CSEBase's {@code ri}: the CSE-ID without its slash. */
    public String cseBaseRi() {
        return cseId.substring(1);
    }
}
