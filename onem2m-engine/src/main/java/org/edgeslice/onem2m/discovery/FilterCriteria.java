package org.edgeslice.onem2m.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgeslice.onem2m.common.Timestamps;
import org.edgeslice.onem2m.common.Wildcard;
import org.edgeslice.onem2m.resource.Resource;

/**
 * Filter Criteria of a discovery or conditional retrieval (TS-0004 §6.3.5.8 "m2m:filterCriteria"), limited to
 * the conditions this engine evaluates. Multiple values of one condition are ORed, different conditions are
 * combined per {@code fo} (1 AND, the default; 2 OR), as TS-0004 §6.3.5.8 specifies.
 *
 * <p>A plain value object so that another {@code ResourceStore} (e.g. JPA) can translate it into a query
 * instead of calling {@link #matches(Resource)}.
 *
 * @param types     {@code ty}
 * @param labels    {@code lbl}
 * @param createdAfter {@code cra}
 * @param createdBefore {@code crb}
 * @param modifiedSince {@code ms}
 * @param unmodifiedSince {@code us}
 * @param expireAfter {@code exa}
 * @param expireBefore {@code exb}
 * @param stateTagSmaller {@code sts}
 * @param stateTagBigger {@code stb}
 * @param sizeAbove {@code sza} (contentSize of a CIN)
 * @param sizeBelow {@code szb}
 * @param contentTypes {@code cty} (contentInfo of a CIN)
 * @param filterOperation {@code fo}: 1 AND, 2 OR
 * @param limit {@code lim}; {@code null} = no limit
 * @param level {@code lvl}: maximum depth below the target; {@code null} = unlimited
 * @param offset {@code ofst}: 1-based index of the first match to return; {@code null} = 1
 * @param attributes the {@code attribute} conditions (TS-0004 §6.3.5.8; TS-0009 §6.2.2.2 carries each as a
 *                   {@code <shortName>=<value>} query key): attribute short name to the value it must equal,
 *                   {@code *} in the value standing for any sequence of characters ({@link #attributeMatches})
 */
public record FilterCriteria(Set<Integer> types, List<String> labels, Instant createdAfter, Instant createdBefore,
                             Instant modifiedSince, Instant unmodifiedSince, Instant expireAfter, Instant expireBefore,
                             Long stateTagSmaller, Long stateTagBigger, Long sizeAbove, Long sizeBelow,
                             Set<String> contentTypes, int filterOperation, Integer limit, Integer level,
                             Integer offset, Map<String, String> attributes) {

    /**
     * A content type condition is compared without its encoding part ({@code text/plain:0} is {@code text/plain}).
     * The attribute conditions are copied, keeping their order.
     */
    public FilterCriteria {
        attributes = attributes == null || attributes.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        if (!contentTypes.isEmpty()) {
            java.util.Set<String> media = new java.util.LinkedHashSet<>();
            for (String c : contentTypes) {
                media.add(c.split(":", 2)[0]);
            }
            contentTypes = java.util.Collections.unmodifiableSet(media);
        }
    }

    /** Without attribute conditions. */
    public FilterCriteria(Set<Integer> types, List<String> labels, Instant createdAfter, Instant createdBefore,
                          Instant modifiedSince, Instant unmodifiedSince, Instant expireAfter, Instant expireBefore,
                          Long stateTagSmaller, Long stateTagBigger, Long sizeAbove, Long sizeBelow,
                          Set<String> contentTypes, int filterOperation, Integer limit, Integer level, Integer offset) {
        this(types, labels, createdAfter, createdBefore, modifiedSince, unmodifiedSince, expireAfter, expireBefore,
                stateTagSmaller, stateTagBigger, sizeAbove, sizeBelow, contentTypes, filterOperation, limit, level,
                offset, Map.of());
    }

    public static final FilterCriteria NONE = new FilterCriteria(Set.of(), List.of(), null, null, null, null, null,
            null, null, null, null, null, Set.of(), 1, null, null, null, Map.of());

    /** Whether the resource meets the conditions (limit, level and offset are applied by the caller). */
    public boolean matches(Resource r) {
        List<Boolean> results = new ArrayList<>(8);
        if (!types.isEmpty()) {
            results.add(types.contains(r.type().ty()));
        }
        if (!labels.isEmpty()) {
            List<String> have = r.textList("lbl");
            results.add(labels.stream().anyMatch(have::contains));
        }
        addTime(results, r.text("ct"), createdAfter, true);
        addTime(results, r.text("ct"), createdBefore, false);
        addTime(results, r.text("lt"), modifiedSince, true);
        addTime(results, r.text("lt"), unmodifiedSince, false);
        addTime(results, r.text("et"), expireAfter, true);
        addTime(results, r.text("et"), expireBefore, false);
        addNumber(results, r, "st", stateTagSmaller, false);
        addNumber(results, r, "st", stateTagBigger, true);
        addNumber(results, r, "cs", sizeAbove, true);
        addNumber(results, r, "cs", sizeBelow, false);
        if (!contentTypes.isEmpty()) {
            String cnf = r.text("cnf");
            String mediaType = cnf == null ? null : cnf.split(":", 2)[0];
            results.add(mediaType != null && contentTypes.contains(mediaType));
        }
        if (!attributes.isEmpty()) {
            // each attribute condition counts as one condition under fo, as ACME's _matchResource counts them
            for (Map.Entry<String, String> c : attributes.entrySet()) {
                results.add(attributeMatches(r.attrs().get(c.getKey()), c.getValue()));
            }
        }
        if (results.isEmpty()) {
            return true;
        }
        return filterOperation == 2 ? results.contains(Boolean.TRUE) : !results.contains(Boolean.FALSE);
    }

    private static void addTime(List<Boolean> results, String value, Instant bound, boolean after) {
        if (bound == null) {
            return;
        }
        if (value == null) {
            results.add(false);
            return;
        }
        Instant v = Timestamps.parse(value);
        results.add(after ? v.isAfter(bound) : v.isBefore(bound));
    }

    private static void addNumber(List<Boolean> results, Resource r, String attr, Long bound, boolean above) {
        if (bound == null) {
            return;
        }
        if (!r.has(attr)) {
            results.add(false);
            return;
        }
        long v = r.longValue(attr, 0);
        // TS-0004: sza is "size >= value", szb "size < value"; stb "stateTag > value", sts "stateTag < value"
        results.add(above ? ("cs".equals(attr) ? v >= bound : v > bound) : v < bound);
    }

    /**
     * One {@code attribute} condition (TS-0004 §6.3.5.8): the resource has the attribute and its value equals the
     * condition, which arrives as text from the query string. A number is compared as a number ({@code cni=5}
     * matches 5 and 5.0), a boolean as a boolean ({@code rr=true}), a string exactly; a condition with {@code *}
     * is a pattern matched against the value's text ({@code con=a*}, as ACME's {@code simpleMatch}). For a
     * list-valued attribute ({@code lbl}, {@code poa}, {@code srt}...) one matching element is enough. A complex
     * value (an object such as {@code enc} or {@code pv}) has no text form to compare with, so it never matches.
     *
     * @param value the attribute, or {@code null} when the resource lacks it
     */
    public static boolean attributeMatches(JsonNode value, String condition) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (scalarMatches(element, condition)) {
                    return true;
                }
            }
            return false;
        }
        return scalarMatches(value, condition);
    }

    private static boolean scalarMatches(JsonNode v, String condition) {
        if (!v.isValueNode() || v.isNull()) {
            return false;
        }
        if (condition.indexOf('*') >= 0) {
            return Wildcard.matches(condition, v.asText());
        }
        if (v.isNumber()) {
            try {
                return new BigDecimal(condition.trim()).compareTo(v.decimalValue()) == 0;
            } catch (NumberFormatException e) {
                return false; // a number never equals a non-numeric condition
            }
        }
        if (v.isBoolean()) {
            return "true".equalsIgnoreCase(condition) ? v.booleanValue()
                    : "false".equalsIgnoreCase(condition) && !v.booleanValue();
        }
        return condition.equals(v.asText());
    }
}
