package org.edgeslice.mep.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edgeslice.contract.mec011.CategoryRef;
import org.edgeslice.contract.mec011.FilteringCriteria;
import org.edgeslice.contract.mec011.LocalityType;
import org.edgeslice.contract.mec011.SerializerType;
import org.edgeslice.contract.mec011.ServiceInfo;
import org.edgeslice.contract.mec011.ServiceState;
import org.edgeslice.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ServiceQueryTest {

    private static final ServiceInfo SENSOR = new ServiceInfo("id-1", "sensor", new CategoryRef("h", "cat", "Cat", "1"),
            "1", ServiceState.ACTIVE, "rest-http", null, SerializerType.JSON, LocalityType.MEC_HOST, false, true, null,
            null);

    @Test
    void listsAreCommaSeparatedOrRepeated() {
        ServiceQuery q = ServiceQuery.parse(null, List.of("a,sensor", "b"), null, null, null, null);
        assertEquals(List.of("a", "sensor", "b"), q.serNames());
        assertTrue(q.matches(SENSOR));
    }

    @Test
    void everyParameterFilters() {
        assertTrue(ServiceQuery.parse(List.of("id-1"), null, null, "false", "true", "MEC_HOST").matches(SENSOR));
        assertFalse(ServiceQuery.parse(List.of("id-2"), null, null, null, null, null).matches(SENSOR));
        assertFalse(ServiceQuery.parse(null, null, List.of("other"), null, null, null).matches(SENSOR));
        assertFalse(ServiceQuery.parse(null, null, null, "true", null, null).matches(SENSOR));
        assertFalse(ServiceQuery.parse(null, null, null, null, "false", null).matches(SENSOR));
        assertFalse(ServiceQuery.parse(null, null, null, null, null, "ZONE").matches(SENSOR));
    }

    @Test
    void invalidQueriesAre400() {
        for (Runnable bad : List.<Runnable>of(
                () -> ServiceQuery.parse(List.of("x"), List.of("y"), null, null, null, null),
                () -> ServiceQuery.parse(null, null, null, "yes", null, null),
                () -> ServiceQuery.parse(null, null, null, null, null, "GALAXY"),
                () -> ServiceQuery.parse(null, List.of("a,,b"), null, null, null, null))) {
            assertEquals(400, assertThrows(ProblemException.class, bad::run).status());
        }
    }

    @Test
    void availabilityCriteriaMatchTheStateAfterTheChange() {
        assertTrue(AvailabilityFilter.matches(null, SENSOR));
        assertTrue(AvailabilityFilter.matches(new FilteringCriteria(null, List.of("sensor"), null,
                List.of(ServiceState.ACTIVE), true), SENSOR));
        assertFalse(AvailabilityFilter.matches(new FilteringCriteria(null, null, null,
                List.of(ServiceState.SUSPENDED), null), SENSOR));
        assertTrue(AvailabilityFilter.matches(new FilteringCriteria(null, null,
                List.of(new CategoryRef(null, "cat", null, null)), null, null), SENSOR));
        assertFalse(AvailabilityFilter.matches(new FilteringCriteria(null, null, null, null, false), SENSOR));
        assertEquals(400, assertThrows(ProblemException.class, () -> AvailabilityFilter.validate(
                new FilteringCriteria(List.of("a"), List.of("b"), null, null, null))).status());
    }
}
