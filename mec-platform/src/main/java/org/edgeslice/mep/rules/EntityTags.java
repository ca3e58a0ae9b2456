package org.edgeslice.mep.rules;

/** Strong entity tags (RFC 9110 clause 8.8.3) from a resource's version counter, and If-Match evaluation. */
public final class EntityTags {

    private EntityTags() {
    }

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /**
     * RFC 9110 clause 13.1.1: true when there is no If-Match, when it is {@code *}, or when one of its tags is
     * strongly equal to {@code current}; weak tags never match strongly.
     */
    public static boolean ifMatchPasses(String ifMatch, String current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return true;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
