package org.edgeslice.mep.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void ifMatchUsesStrongComparison() {
        String current = EntityTags.of(3);
        assertTrue(EntityTags.ifMatchPasses(null, current));
        assertTrue(EntityTags.ifMatchPasses("*", current));
        assertTrue(EntityTags.ifMatchPasses("\"3\"", current));
        assertTrue(EntityTags.ifMatchPasses("\"1\", \"3\"", current));
        assertFalse(EntityTags.ifMatchPasses("\"2\"", current));
        assertFalse(EntityTags.ifMatchPasses("W/\"3\"", current));
        assertFalse(EntityTags.ifMatchPasses("3", current));
    }
}
