package org.edgeslice.onem2m.discovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.edgeslice.onem2m.common.Timestamps;
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
 */
public record FilterCriteria(Set<Integer> types, List<String> labels, Instant createdAfter, Instant createdBefore,
                             Instant modifiedSince, Instant unmodifiedSince, Instant expireAfter, Instant expireBefore,
                             Long stateTagSmaller, Long stateTagBigger, Long sizeAbove, Long sizeBelow,
                             Set<String> contentTypes, int filterOperation, Integer limit, Integer level,
                             Integer offset) {

    /** A content type condition is compared without its encoding part ({@code text/plain:0} is {@code text/plain}). */
    public FilterCriteria {
        if (!contentTypes.isEmpty()) {
            java.util.Set<String> media = new java.util.LinkedHashSet<>();
            for (String c : contentTypes) {
                media.add(c.split(":", 2)[0]);
            }
            contentTypes = java.util.Collections.unmodifiableSet(media);
        }
    }

    public static final FilterCriteria NONE = new FilterCriteria(Set.of(), List.of(), null, null, null, null, null,
            null, null, null, null, null, Set.of(), 1, null, null, null);

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
}
