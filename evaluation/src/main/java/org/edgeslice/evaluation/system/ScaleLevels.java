package org.edgeslice.evaluation.system;

import java.util.ArrayList;
import java.util.List;

/**
 * The numbers of running slices the system scale experiment measures at (e.g. 1, 10, 25, 50): strictly increasing,
 * at least 0 and at most a bound, so that slices are only ever added between levels (the slices of one level stay
 * running into the next).
 */
public record ScaleLevels(List<Integer> levels) {
    /** More than this many slices would not fit the MEPM's default CPU capacity of a 2-core host (8000m / 100m). */
    public static final int MAX = 75;

    public ScaleLevels {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("at least one level");
        }
        int previous = -1;
        for (int k : levels) {
            if (k <= previous) {
                throw new IllegalArgumentException("levels must increase strictly: " + levels);
            }
            if (k > MAX) {
                throw new IllegalArgumentException("at most " + MAX + " running slices: " + k);
            }
            previous = k;
        }
        levels = List.copyOf(levels);
    }

    /** Parses "1,10,25,50". */
    public static ScaleLevels parse(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(Integer.parseInt(s.trim()));
            }
        }
        return new ScaleLevels(out);
    }

    /** Slices to add before measuring at level {@code index}, given the ones already running for the previous level. */
    public int toAdd(int index) {
        return levels.get(index) - (index == 0 ? 0 : levels.get(index - 1));
    }

    public int max() {
        return levels.get(levels.size() - 1);
    }
}
