package org.edgeslice.onem2m.binding;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.common.Timestamps;
import org.edgeslice.onem2m.discovery.FilterCriteria;
import org.edgeslice.onem2m.resource.ResourceSchema;

/**
 * The request parameters carried in the query string (TS-0009 §6.2.2.2): result content, response type,
 * filter usage and filter criteria, identifier type. Several values of one parameter are separated by {@code +}
 * (a space once decoded) or given by repeating it. Unknown parameters are 4000 BAD_REQUEST; known ones this CSE
 * does not implement are 5001 NOT_IMPLEMENTED (a silent ignore would change the meaning of the request).
 *
 * <p>Any other key that is the short name of an attribute of a resource type this CSE knows is an {@code attribute}
 * condition of the filter criteria (TS-0009 §6.2.2.2: {@code <shortName>=<value>}, e.g. {@code cni=5},
 * {@code con=a*}; ACME testDiscovery {@code test_retrieveCNTbyCNIunderAE}). Its value is taken whole (a
 * {@code +} is a space of the value, not a separator) and must be given once.
 */
final class QueryParameters {
    private static final Set<String> FILTER = Set.of("ty", "lbl", "cra", "crb", "ms", "us", "exa", "exb", "sts",
            "stb", "sza", "szb", "cty", "fo", "lim", "lvl", "ofst");
    private static final Set<String> OTHER = Set.of("rcn", "rt", "drt", "fu");
    private static final Set<String> NOT_IMPLEMENTED = Set.of("rp", "atrl", "sqi", "smf", "atr", "arp", "catr",
            "patr", "gmty", "gsf", "geom", "rqi", "nu", "la", "ol");
    /** Attribute short names usable as conditions: those of every type in ResourceSchema, minus the keys above. */
    private static final Set<String> ATTRIBUTES = attributeConditionKeys();

    final Integer resultContent;
    final int filterUsage;
    final int identifierType;
    final FilterCriteria filter;

    private QueryParameters(Integer rcn, int fu, int drt, FilterCriteria filter) {
        this.resultContent = rcn;
        this.filterUsage = fu;
        this.identifierType = drt;
        this.filter = filter;
    }

    private static final QueryParameters NONE = new QueryParameters(null, 0, 1, FilterCriteria.NONE);

    static QueryParameters parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return NONE; // the common case: no allocation
        }
        Map<String, List<String>> params = split(rawQuery);
        boolean anyFilter = false;
        for (String key : params.keySet()) {
            if (NOT_IMPLEMENTED.contains(key)) {
                throw new Onem2mException(ResponseStatusCode.NOT_IMPLEMENTED, "query parameter " + key
                        + " is not supported by this CSE");
            }
            if (!FILTER.contains(key) && !OTHER.contains(key) && !ATTRIBUTES.contains(key)) {
                throw Onem2mException.badRequest("unknown query parameter " + key);
            }
            anyFilter |= !OTHER.contains(key);
        }
        Integer rcn = integer(params, "rcn", 0, 12);
        Integer rt = integer(params, "rt", 1, 5);
        if (rt != null && rt == 1) {
            throw new Onem2mException(ResponseStatusCode.NON_BLOCKING_SYNCH_REQUEST_NOT_SUPPORTED,
                    "non-blocking requests are not supported");
        }
        if (rt != null && rt != 3 && rt != 4) {
            // flexBlocking (4) may be answered blocking; asynch and noResponse need a response store we lack
            throw new Onem2mException(ResponseStatusCode.NOT_IMPLEMENTED, "response type " + rt
                    + " is not supported");
        }
        Integer fu = integer(params, "fu", 1, 4);
        if (fu != null && fu > 2) {
            throw new Onem2mException(ResponseStatusCode.NOT_IMPLEMENTED, "filter usage " + fu
                    + " is not supported");
        }
        // TS-0004 §6.3.5.8: filter criteria without fu mean conditional retrieval
        int filterUsage = fu != null ? fu : anyFilter ? 2 : 0;
        Integer drt = integer(params, "drt", 1, 2);
        Integer fo = integer(params, "fo", 1, 2);
        FilterCriteria fc = new FilterCriteria(integers(params, "ty"), strings(params, "lbl"),
                time(params, "cra"), time(params, "crb"), time(params, "ms"), time(params, "us"),
                time(params, "exa"), time(params, "exb"), longValue(params, "sts"), longValue(params, "stb"),
                longValue(params, "sza"), longValue(params, "szb"), new LinkedHashSet<>(strings(params, "cty")),
                fo == null ? 1 : fo, integer(params, "lim", 0, Integer.MAX_VALUE),
                integer(params, "lvl", 1, Integer.MAX_VALUE), integer(params, "ofst", 1, Integer.MAX_VALUE),
                attributeConditions(params));
        return new QueryParameters(rcn, filterUsage, drt == null ? 1 : drt, fc);
    }

    private static Map<String, List<String>> split(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            List<String> values = out.computeIfAbsent(key, k -> new ArrayList<>());
            if (ATTRIBUTES.contains(key)) {
                values.add(value); // a condition's value is compared whole: "con=a b" means the text "a b"
                continue;
            }
            for (String v : value.split(" ")) {
                if (!v.isEmpty()) {
                    values.add(v);
                }
            }
        }
        return out;
    }

    private static Map<String, String> attributeConditions(Map<String, List<String>> p) {
        Map<String, String> out = null;
        for (String key : p.keySet()) {
            if (ATTRIBUTES.contains(key)) {
                if (out == null) {
                    out = new LinkedHashMap<>();
                }
                out.put(key, single(p, key));
            }
        }
        return out == null ? Map.of() : out;
    }

    private static Set<String> attributeConditionKeys() {
        Set<String> keys = new HashSet<>();
        for (ResourceType t : ResourceType.values()) {
            ResourceSchema schema = ResourceSchema.of(t);
            if (schema != null) {
                keys.addAll(schema.attributes().keySet());
            }
        }
        keys.removeAll(FILTER);
        keys.removeAll(OTHER);
        keys.removeAll(NOT_IMPLEMENTED);
        return Set.copyOf(keys);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Onem2mException.badRequest("malformed query string");
        }
    }

    private static String single(Map<String, List<String>> p, String key) {
        List<String> v = p.get(key);
        if (v == null) {
            return null;
        }
        if (v.size() != 1) {
            throw Onem2mException.badRequest("query parameter " + key + " needs exactly one value");
        }
        return v.get(0);
    }

    private static Integer integer(Map<String, List<String>> p, String key, int min, int max) {
        String s = single(p, key);
        if (s == null) {
            return null;
        }
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw Onem2mException.badRequest("query parameter " + key + " out of range: " + s);
            }
            return v;
        } catch (NumberFormatException e) {
            throw Onem2mException.badRequest("query parameter " + key + " must be an integer: " + s);
        }
    }

    private static Long longValue(Map<String, List<String>> p, String key) {
        Integer v = integer(p, key, 0, Integer.MAX_VALUE);
        return v == null ? null : v.longValue();
    }

    private static Instant time(Map<String, List<String>> p, String key) {
        String s = single(p, key);
        return s == null ? null : Timestamps.parse(s);
    }

    private static List<String> strings(Map<String, List<String>> p, String key) {
        return p.getOrDefault(key, List.of());
    }

    private static Set<Integer> integers(Map<String, List<String>> p, String key) {
        Set<Integer> out = new LinkedHashSet<>();
        for (String s : p.getOrDefault(key, List.of())) {
            try {
                out.add(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                throw Onem2mException.badRequest("query parameter " + key + " must be integers: " + s);
            }
        }
        return out;
    }
}
