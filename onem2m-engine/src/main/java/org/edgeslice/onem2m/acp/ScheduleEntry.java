package org.edgeslice.onem2m.acp;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A oneM2M {@code scheduleEntry} (TS-0004 §6.3.5, used by {@code actw} of accessControlContexts): crontab syntax
 * extended by seconds and years, seven fields separated by spaces: second (0-59), minute (0-59), hour (0-23),
 * day of month (1-31), month (1-12), day of week (0-7, 0 and 7 Sunday, as crontab) and year; six fields (no year,
 * as Mobius writes {@code actw}) mean any year. Each field is
 * {@code *}, a value, a range {@code a-b}, either with a step {@code /n}, or a comma-separated list of those. A
 * time matches when every field matches, read in UTC (oneM2M timestamps are UTC), except that when both day
 * fields are restricted (neither is {@code *}) either of them will do, as in crontab.
 */
final class ScheduleEntry {
    private static final int[][] BOUNDS = {{0, 59}, {0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}, {1970, 9999}};
    private static final String[] NAMES = {"second", "minute", "hour", "day of month", "month", "day of week",
        "year"};

    /** One field: the ranges it lists, each as {from, to, step}. */
    private final List<int[]>[] fields;
    /** Both day of month and day of week restricted: a day matches if either does (crontab). */
    private final boolean eitherDay;

    private ScheduleEntry(List<int[]>[] fields, boolean eitherDay) {
        this.fields = fields;
        this.eitherDay = eitherDay;
    }

    /** @throws IllegalArgumentException naming the field that is not valid */
    @SuppressWarnings("unchecked")
    static ScheduleEntry parse(String text) {
        String[] given = text.trim().split("\\s+");
        if (given.length != 6 && given.length != 7) {
            throw new IllegalArgumentException("a time window has 7 fields (second minute hour day-of-month month "
                    + "day-of-week year) or 6 without the year, got " + given.length + " in '" + text + "'");
        }
        String[] parts = given.length == 7 ? given : java.util.Arrays.copyOf(given, 7);
        if (given.length == 6) {
            parts[6] = "*";
        }
        List<int[]>[] fields = new List[7];
        for (int i = 0; i < 7; i++) {
            fields[i] = field(parts[i], i);
        }
        return new ScheduleEntry(fields, !parts[3].equals("*") && !parts[5].equals("*"));
    }

    private static List<int[]> field(String text, int index) {
        List<int[]> ranges = new ArrayList<>();
        int min = BOUNDS[index][0];
        int max = BOUNDS[index][1];
        for (String item : text.split(",", -1)) {
            try {
                int slash = item.indexOf('/');
                String range = slash < 0 ? item : item.substring(0, slash);
                int step = slash < 0 ? 1 : Integer.parseInt(item.substring(slash + 1));
                int from;
                int to;
                if (range.equals("*")) {
                    from = min;
                    to = max;
                } else {
                    int dash = range.indexOf('-');
                    from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
                    to = dash < 0 ? (slash < 0 ? from : max) : Integer.parseInt(range.substring(dash + 1));
                }
                if (step < 1 || from < min || to > max || from > to) {
                    throw new NumberFormatException();
                }
                ranges.add(new int[] {from, to, step});
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("invalid " + NAMES[index] + " '" + item + "' (" + min + "-" + max
                        + ", *, ranges a-b, steps /n, lists)");
            }
        }
        return ranges;
    }

    boolean matches(ZonedDateTime utc) {
        int dow = utc.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : utc.getDayOfWeek().getValue();
        boolean dayOfMonth = in(3, utc.getDayOfMonth());
        boolean dayOfWeek = in(5, dow) || dow == 0 && in(5, 7);
        return in(0, utc.getSecond()) && in(1, utc.getMinute()) && in(2, utc.getHour())
                && (eitherDay ? dayOfMonth || dayOfWeek : dayOfMonth && dayOfWeek)
                && in(4, utc.getMonthValue()) && in(6, utc.getYear());
    }

    private boolean in(int field, int value) {
        for (int[] r : fields[field]) {
            if (value >= r[0] && value <= r[1] && (value - r[0]) % r[2] == 0) {
                return true;
            }
        }
        return false;
    }
}
