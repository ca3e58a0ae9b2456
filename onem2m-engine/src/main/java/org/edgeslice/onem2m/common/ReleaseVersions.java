package org.edgeslice.onem2m.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The oneM2M release versions (TS-0004 §6.3.3 releaseVersion, the values of {@code srv} and {@code X-M2M-RVI}),
 * lowest first. An AE may declare a release this CSE does not serve: {@code srv} says what the AE speaks (ACME
 * {@code test_checkTargetRVI} registers an AE with {@code srv ["2"]}).
 */
public final class ReleaseVersions {
    private static final List<String> ALL = List.of("1", "2", "2a", "3", "4", "5");

    private ReleaseVersions() {
    }

    public static boolean isKnown(String v) {
        return ALL.contains(v);
    }

    /**
     * The highest known release in a {@code srv} list, for the {@code X-M2M-RVI} of requests sent to the AE
     * that declared it (ACME {@code test_checkTargetRVI}).
     *
     * @return the release, or null if the list holds none this CSE knows
     */
    public static String highest(JsonNode srv) {
        int best = -1;
        if (srv != null && srv.isArray()) {
            for (JsonNode v : srv) {
                best = Math.max(best, ALL.indexOf(v.asText()));
            }
        }
        return best < 0 ? null : ALL.get(best);
    }
}
