package org.edgeslice.meapp.mp1;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The query of ETSI GS MEC 011 clause 8.2.3.3.1 (GET services): at most one of instance ids, names and category
 * ids (the standard makes them mutually exclusive), plus the locality flags.
 */
public record ServiceQuery(List<String> serInstanceIds, List<String> serNames, List<String> serCategoryIds,
                           Boolean consumedLocalOnly, Boolean isLocal) {

    public static ServiceQuery all() {
        return new ServiceQuery(null, null, null, null, null);
    }

    public static ServiceQuery byNames(List<String> names) {
        return new ServiceQuery(null, names, null, null, null);
    }

    public static ServiceQuery byCategoryIds(List<String> ids) {
        return new ServiceQuery(null, null, ids, null, null);
    }

    public static ServiceQuery byInstanceIds(List<String> ids) {
        return new ServiceQuery(ids, null, null, null, null);
    }

    /** {@code ?ser_name=a,b...} or the empty string. */
    String toQueryString() {
        List<String> parts = new ArrayList<>();
        add(parts, "ser_instance_id", serInstanceIds);
        add(parts, "ser_name", serNames);
        add(parts, "ser_category_id", serCategoryIds);
        if (consumedLocalOnly != null) {
            parts.add("consumed_local_only=" + consumedLocalOnly);
        }
        if (isLocal != null) {
            parts.add("is_local=" + isLocal);
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static void add(List<String> parts, String name, List<String> values) {
        if (values != null && !values.isEmpty()) {
            List<String> enc = values.stream().map(v -> URLEncoder.encode(v, StandardCharsets.UTF_8)).toList();
            parts.add(name + "=" + String.join(",", enc));
        }
    }
}
