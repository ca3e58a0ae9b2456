package org.edgeslice.onem2m.discovery;

import static org.edgeslice.onem2m.Fixture.CSE;
import static org.edgeslice.onem2m.Fixture.assertRsc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgeslice.onem2m.Fixture;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiscoveryTest {
    private final Fixture f = new Fixture();

    @BeforeEach
    void setUp() {
        f.registerAe("Ca", "a");
        f.registerAe("Cb", "b");
        f.createContainer(CSE + "/a", "Ca", "{\"rn\":\"t1\",\"lbl\":[\"temp\",\"room1\"]}");
        f.createContainer(CSE + "/a", "Ca", "{\"rn\":\"t2\",\"lbl\":[\"temp\"]}");
        f.createContainer(CSE + "/a", "Ca", "{\"rn\":\"h1\",\"lbl\":[\"hum\"]}");
        f.createInstance(CSE + "/a/t1", "Ca", "20");
        f.createContainer(CSE + "/b", "Cb", "{\"rn\":\"t9\",\"lbl\":[\"temp\"]}");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static FilterCriteria fc(Set<Integer> ty, List<String> lbl, Integer lim, Instant cra) {
        return new FilterCriteria(ty, lbl, cra, null, null, null, null, null, null, null, null, null, Set.of(), 1,
                lim, null, null);
    }

    private List<String> uris(Response r) {
        assertRsc(ResponseStatusCode.OK, r);
        List<String> out = new ArrayList<>();
        r.content().get("m2m:uril").forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void discoversByTypeInCreationOrderWithStructuredIds() {
        assertEquals(List.of(CSE + "/a/t1", CSE + "/a/t2", CSE + "/a/h1"),
                uris(f.send(Request.discover(CSE + "/a", "Ca", fc(Set.of(3), List.of(), null, null)))));
    }

    @Test
    void discoversByLabelAndLimits() {
        assertEquals(List.of(CSE + "/a/t1", CSE + "/a/t2"),
                uris(f.send(Request.discover(CSE + "/a", "Ca", fc(Set.of(), List.of("temp"), null, null)))));
        assertEquals(List.of(CSE + "/a/t1"),
                uris(f.send(Request.discover(CSE + "/a", "Ca", fc(Set.of(), List.of("temp"), 1, null)))));
    }

    @Test
    void unstructuredIdsWhenDrtIsTwo() {
        List<String> ids = uris(f.send(Request.discover(CSE + "/a", "Ca", fc(Set.of(4), List.of(), null, null))
                .withIdentifierType(2)));
        assertEquals(1, ids.size());
        assertTrue(ids.get(0).startsWith("cin"));
    }

    @Test
    void createdAfterInTheFutureFindsNothing() {
        assertEquals(List.of(), uris(f.send(Request.discover(CSE + "/a", "Ca",
                fc(Set.of(), List.of(), null, Instant.now().plusSeconds(60))))));
    }

    @Test
    void resultsAreFilteredByDiscoveryPrivilege() {
        // from the CSEBase, Ca sees only its own subtree, not Cb's container
        List<String> seen = uris(f.send(Request.discover(CSE, "Ca", fc(Set.of(3), List.of("temp"), null, null))));
        assertEquals(List.of(CSE + "/a/t1", CSE + "/a/t2"), seen);
        List<String> admin = uris(f.send(Request.discover(CSE, Fixture.ADMIN,
                fc(Set.of(3), List.of("temp"), null, null))));
        assertEquals(3, admin.size());
    }

    @Test
    void discoveryOfAnotherAesSubtreeIsDenied() {
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE,
                f.send(Request.discover(CSE + "/b", "Ca", FilterCriteria.NONE)));
    }

    @Test
    void filterOperationOrCombinesConditions() {
        FilterCriteria or = new FilterCriteria(Set.of(4), List.of("hum"), null, null, null, null, null, null, null,
                null, null, null, Set.of(), 2, null, null, null);
        JsonNode uril = f.send(Request.discover(CSE + "/a", "Ca", or)).content().get("m2m:uril");
        assertEquals(2, uril.size());
    }

    private static FilterCriteria attributes(int fo, Set<Integer> ty, Map<String, String> conditions) {
        return new FilterCriteria(ty, List.of(), null, null, null, null, null, null, null, null, null, null,
                Set.of(), fo, null, null, null, conditions);
    }

    @Test
    void attributeConditionComparesNumbersBooleansStringsPatternsAndListElements() {
        assertTrue(FilterCriteria.attributeMatches(Fixture.parse("5"), "5"));
        assertTrue(FilterCriteria.attributeMatches(Fixture.parse("5"), "5.0"));
        assertFalse(FilterCriteria.attributeMatches(Fixture.parse("5"), "6"));
        assertFalse(FilterCriteria.attributeMatches(Fixture.parse("5"), "five"));
        assertTrue(FilterCriteria.attributeMatches(Fixture.parse("true"), "true"));
        assertFalse(FilterCriteria.attributeMatches(Fixture.parse("true"), "false"));
        assertFalse(FilterCriteria.attributeMatches(Fixture.parse("false"), "0"));
        assertTrue(FilterCriteria.attributeMatches(Fixture.parse("\"abc\""), "abc"));
        assertFalse(FilterCriteria.attributeMatches(Fixture.parse("\"abc\""), "ab"));
        assertTrue(FilterCriteria.attributeMatches(Fixture.parse("\"abc\""), "a*c"));
        assertTrue(FilterCriteria.attributeMatches(Fixture.parse("\"abc\""), "*"));
        assertFalse(FilterCriteria.attributeMatches(Fixture.parse("\"abc\""), "a*d"));
        assertTrue(FilterCriteria.attributeMatches(Fixture.parse("[\"x\",\"room:1\"]"), "room:1"));
        assertTrue(FilterCriteria.attributeMatches(Fixture.parse("[1,2]"), "2"));
        assertFalse(FilterCriteria.attributeMatches(Fixture.parse("[\"x\"]"), "y"));
        assertFalse(FilterCriteria.attributeMatches(Fixture.parse("{\"a\":1}"), "*"));
        assertFalse(FilterCriteria.attributeMatches(null, "*"));
    }

    @Test
    void attributeConditionsCountOnePerAttributeUnderFilterOperation() {
        // ACME _matchResource: each attribute condition adds one to the count; AND needs all, OR any
        assertEquals(List.of(CSE + "/a/t2"), uris(f.send(Request.discover(CSE + "/a", "Ca",
                attributes(1, Set.of(3), Map.of("rn", "t*", "lbl", "temp", "cni", "0"))))));
        assertEquals(List.of(), uris(f.send(Request.discover(CSE + "/a", "Ca",
                attributes(1, Set.of(), Map.of("rn", "t2", "cni", "1"))))));
        assertEquals(List.of(CSE + "/a/t1", CSE + "/a/t2"), uris(f.send(Request.discover(CSE + "/a", "Ca",
                attributes(2, Set.of(), Map.of("rn", "t2", "cni", "1"))))));
        assertEquals(List.of(), uris(f.send(Request.discover(CSE + "/a", "Ca",
                attributes(1, Set.of(), Map.of("nosuch", "1"))))));
    }
}
