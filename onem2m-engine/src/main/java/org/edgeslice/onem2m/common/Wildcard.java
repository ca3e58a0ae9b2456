package org.edgeslice.onem2m.common;

/**
 * Matching of the simple {@code *} patterns oneM2M uses in several places: an {@code acor} entry
 * (TS-0001 §9.6.2, e.g. {@code Cyet*Originator}) and an attribute condition of the filter criteria carried in the
 * query string (TS-0009 §6.2.2.2, e.g. {@code con=a*}), as ACME's {@code simpleMatch} does for both.
 */
public final class Wildcard {
    private Wildcard() {
    }

    /**
     * Whether {@code text} matches {@code pattern}, in which each {@code *} stands for any sequence of characters
     * (the empty one included), wherever it is; every other character stands for itself. Greedy matching with one
     * backtrack point: linear for the usual single {@code *}, never worse than O(pattern × text), and nothing is
     * allocated or compiled per call (this runs per request and per discovered resource).
     */
    public static boolean matches(String pattern, String text) {
        int p = 0;
        int s = 0;
        int star = -1;
        int resume = 0;
        int pl = pattern.length();
        int sl = text.length();
        while (s < sl) {
            if (p < pl && pattern.charAt(p) == '*') {
                star = p++;
                resume = s;
            } else if (p < pl && pattern.charAt(p) == text.charAt(s)) {
                p++;
                s++;
            } else if (star >= 0) {
                // let the last * absorb one more character and retry the rest of the pattern
                p = star + 1;
                s = ++resume;
            } else {
                return false;
            }
        }
        while (p < pl && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pl;
    }
}
