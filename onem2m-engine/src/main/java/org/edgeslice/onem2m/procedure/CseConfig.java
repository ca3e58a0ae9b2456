package org.edgeslice.onem2m.procedure;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
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
 */
public record CseConfig(String cseId, String cseName, int cseType, String adminOriginator, FunctionSet functions,
                        List<String> supportedReleases, List<String> pointOfAccess, Duration defaultExpiry,
                        int notificationRetries) {
    public CseConfig {
        Objects.requireNonNull(cseId);
        if (!cseId.startsWith("/") || cseId.length() < 2 || cseId.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("CSE-ID must look like /id-mn: " + cseId);
        }
        if (cseName.isEmpty() || cseName.contains("/")) {
            throw new IllegalArgumentException("invalid CSE name " + cseName);
        }
    }

    /** An MN-CSE with every function, for tests and as a starting point. */
    public static CseConfig defaults(String cseId, String cseName) {
        return new CseConfig(cseId, cseName, 2, "CAdmin", FunctionSet.all(), List.of("2a", "3", "4", "5"),
                List.of(), Duration.ofDays(3650), 2);
    }

    public CseConfig withFunctions(FunctionSet f) {
        return new CseConfig(cseId, cseName, cseType, adminOriginator, f, supportedReleases, pointOfAccess,
                defaultExpiry, notificationRetries);
    }

    public CseConfig withPointOfAccess(List<String> poa) {
        return new CseConfig(cseId, cseName, cseType, adminOriginator, functions, supportedReleases, poa,
                defaultExpiry, notificationRetries);
    }

    /** The CSEBase's {@code ri}: the CSE-ID without its slash. */
    public String cseBaseRi() {
        return cseId.substring(1);
    }
}
