package org.edgeslice.onem2m.procedure;

import static org.edgeslice.onem2m.Fixture.CSE;
import static org.edgeslice.onem2m.Fixture.assertRsc;
import static org.edgeslice.onem2m.Fixture.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.edgeslice.onem2m.Fixture;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.discovery.FilterCriteria;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resource rules the oneM2M test suites check beyond the basic procedures: result content of filtered retrieves,
 * the creator attribute, rcn=9, contentInstance and subscription attribute values, resource names and
 * disableRetrieval (TS-0001 §9.6, TS-0004 §6.3.4.2.22, §7.3.3, §7.4.8; choices in docs/conformance.md).
 */
class ResourceRulesConformanceTest {
    private static final String AE = "Cdev";
    private static final String AE_PATH = CSE + "/dev";
    private final Fixture f = new Fixture();

    @BeforeEach
    void setUp() {
        f.registerAe(AE, "dev");
        f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\",\"lbl\":[\"t\"]}");
        f.createContainer(AE_PATH, AE, "{\"rn\":\"hum\"}");
        f.createInstance(AE_PATH + "/temp", AE, "1");
        f.createInstance(AE_PATH + "/temp", AE, "2");
        f.createInstance(AE_PATH + "/hum", AE, "3");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static FilterCriteria types(Integer... ty) {
        return new FilterCriteria(Set.of(ty), List.of(), null, null, null, null, null, null, null, null, null, null,
                Set.of(), 1, null, null, null);
    }

    private Response get(String to, int rcn, FilterCriteria fc) {
        Request r = Request.retrieve(to, AE).withResultContent(rcn);
        return f.send(fc == null ? r : r.withFilter(2, fc));
    }

    @Test
    void filteredRetrieveWithChildReferencesListsMatchingDescendantsOfEveryLevel() {
        Response r = get(AE_PATH, 6, types(4));
        assertRsc(ResponseStatusCode.OK, r);
        JsonNode rrf = r.content().get("m2m:rrl").get("rrf");
        assertEquals(3, rrf.size(), rrf::toString);
        rrf.forEach(ref -> assertEquals(4, ref.get("typ").asInt()));
    }

    @Test
    void filteredRetrieveWithChildResourcesNestsTheMatchesUnderTheirParents() {
        JsonNode ae = get(AE_PATH, 4, types(3, 4)).content().get("m2m:ae");
        assertEquals("dev", ae.get("rn").asText(), "rcn=4 keeps the target's attributes");
        JsonNode containers = ae.get("m2m:cnt");
        assertEquals(2, containers.size());
        assertEquals(2, containers.get(0).get("m2m:cin").size(), "temp's two instances nested inside it");
        JsonNode onlyChildren = get(AE_PATH, 8, types(3)).content().get("m2m:ae");
        assertFalse(onlyChildren.has("rn"), "rcn=8 has no target attributes");
        assertEquals(2, onlyChildren.get("m2m:cnt").size());
        assertFalse(onlyChildren.get("m2m:cnt").get(0).has("m2m:cin"), "instances do not match ty=3");
    }

    @Test
    void attributesOnlyRetrieveIgnoresFilterCriteria() {
        Response r = get(AE_PATH, 1, types(3));
        assertRsc(ResponseStatusCode.OK, r);
        assertEquals("dev", r.content().get("m2m:ae").get("rn").asText());
    }

    @Test
    void discoveryAnswersReferencesWithRcn6() {
        Response r = f.send(Request.discover(AE_PATH, AE, types(3)).withResultContent(6));
        assertRsc(ResponseStatusCode.OK, r);
        assertEquals(2, r.content().get("m2m:rrl").get("rrf").size());
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.discover(AE_PATH, AE, types(3)).withResultContent(4)));
    }

    @Test
    void creatorIsRecordedOnlyWhenTheCreateAsksForIt() {
        JsonNode plain = f.createContainer(AE_PATH, AE, "{\"rn\":\"a\"}").content().get("m2m:cnt");
        assertFalse(plain.has("cr"));
        JsonNode asked = f.createContainer(AE_PATH, AE, "{\"rn\":\"b\",\"cr\":null}").content().get("m2m:cnt");
        assertEquals(AE, asked.get("cr").asText());
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.createContainer(AE_PATH, AE, "{\"rn\":\"c\",\"cr\":\"Cother\"}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST,
                f.send(Request.create(CSE, "Cx", 2, body("m2m:ae", "{\"api\":\"Nx\",\"rr\":true,\"srv\":[\"3\"],"
                        + "\"cr\":null}"))));
    }

    @Test
    void modifiedAttributesResultContentHoldsWhatTheCseSet() {
        Response created = f.send(Request.create(AE_PATH, AE, 3, body("m2m:cnt", "{\"rn\":\"m\",\"mni\":5}"))
                .withResultContent(9));
        assertRsc(ResponseStatusCode.CREATED, created);
        JsonNode c = created.content().get("m2m:cnt");
        assertFalse(c.has("mni"), "sent by the originator");
        assertFalse(c.has("rn"));
        assertTrue(c.has("ri") && c.has("ct") && c.has("st"), c::toString);
        Response updated = f.send(Request.update(AE_PATH + "/m", AE, body("m2m:cnt", "{\"mni\":7,\"lbl\":[\"x\"]}"))
                .withResultContent(9));
        assertRsc(ResponseStatusCode.UPDATED, updated);
        JsonNode u = updated.content().get("m2m:cnt");
        assertFalse(u.has("mni") || u.has("lbl"), u::toString);
        assertTrue(u.has("lt") && u.has("st"), u::toString);
    }

    @Test
    void contentInfoAndContentMustBeWellFormed() {
        for (String cnf : new String[] {"text", "text:0", "text/plain", "text/plain:0:0:0", "text/plain:9", "/x:0"}) {
            assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.create(AE_PATH + "/temp", AE, 4,
                    body("m2m:cin", "{\"cnf\":\"" + cnf + "\",\"con\":\"v\"}"))));
        }
        assertRsc(ResponseStatusCode.CREATED, f.send(Request.create(AE_PATH + "/temp", AE, 4,
                body("m2m:cin", "{\"cnf\":\"application/json:0:1\",\"con\":\"v\"}"))));
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.create(AE_PATH + "/temp", AE, 4,
                body("m2m:cin", "{\"con\":23}"))));
        assertRsc(ResponseStatusCode.CREATED, f.send(Request.create(AE_PATH + "/temp", AE, 4,
                body("m2m:cin", "{\"con\":{\"speed\":23}}"))));
    }

    @Test
    void resourceNamesAreUnreservedUriCharacters() {
        for (String rn : new String[] {"test?", "a b", "\u00e4\u00f6", "x#y"}) {
            assertRsc(ResponseStatusCode.BAD_REQUEST, f.createContainer(AE_PATH, AE,
                    "{\"rn\":\"" + rn + "\"}"));
        }
        assertRsc(ResponseStatusCode.CREATED, f.createContainer(AE_PATH, AE, "{\"rn\":\"Car-A_1.x~y\"}"));
    }

    @Test
    void disabledRetrievalHidesTheInstancesButNotTheContainer() {
        assertRsc(ResponseStatusCode.UPDATED, f.send(Request.update(AE_PATH + "/temp", AE,
                body("m2m:cnt", "{\"disr\":true}"))));
        assertRsc(ResponseStatusCode.OPERATION_NOT_ALLOWED, f.send(Request.retrieve(AE_PATH + "/temp/la", AE)));
        assertRsc(ResponseStatusCode.OPERATION_NOT_ALLOWED, f.send(Request.retrieve(AE_PATH + "/temp/ol", AE)));
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(AE_PATH + "/temp", AE)));
        JsonNode rrl = get(AE_PATH + "/temp", 6, null).content().get("m2m:rrl");
        assertEquals(0, rrl.get("rrf").size());
    }

    @Test
    void subscriptionAttributesAreDefaultedAndChecked() {
        JsonNode sub = f.send(Request.create(AE_PATH + "/temp", AE, 23, body("m2m:sub", "{\"rn\":\"s\",\"nu\":[\""
                + AE + "\"]}"))).content().get("m2m:sub");
        assertEquals(1, sub.get("nct").asInt(), "notificationContentType defaults to all attributes");
        List<String[]> bad = new ArrayList<>();
        bad.add(new String[] {"{\"enc\":{\"net\":[99]}}", "4000"});
        bad.add(new String[] {"{\"enc\":{\"foo\":1}}", "4000"});
        bad.add(new String[] {"{\"nct\":42}", "4000"});
        bad.add(new String[] {"{\"nct\":2,\"enc\":{\"net\":[3]}}", "4000"});
        bad.add(new String[] {"{\"bn\":{\"num\":0}}", "4000"});
        bad.add(new String[] {"{\"bn\":{}}", "4000"});
        bad.add(new String[] {"{\"bn\":{\"num\":2,\"max\":3}}", "4000"});
        bad.add(new String[] {"{\"bn\":{\"dur\":\"5 seconds\"}}", "4000"});
        bad.add(new String[] {"{\"bn\":{\"dur\":\"PT0S\"}}", "4000"});
        bad.add(new String[] {"{\"bn\":{\"dur\":5}}", "4000"});
        bad.add(new String[] {"{\"bn\":{\"dur\":\"P2D\"}}", "4000"});
        bad.add(new String[] {"{\"rl\":{\"mnn\":1,\"tww\":\"P3650D\"}}", "4000"});
        bad.add(new String[] {"{\"rl\":{\"mnn\":2}}", "4000"});
        bad.add(new String[] {"{\"rl\":{\"mnn\":0,\"tww\":\"PT1S\"}}", "4000"});
        bad.add(new String[] {"{\"rl\":{\"mnn\":2,\"tww\":\"PT1S\",\"x\":1}}", "4000"});
        bad.add(new String[] {"{\"pn\":1}", "5001"});
        bad.add(new String[] {"{\"enc\":{\"net\":[6]}}", "5001"});
        for (String[] b : bad) {
            String json = "{\"nu\":[\"" + AE + "\"]," + b[0].substring(1);
            Response r = f.send(Request.create(AE_PATH + "/temp", AE, 23, body("m2m:sub", json)));
            assertEquals(b[1], String.valueOf(r.rsc().code()), json);
        }
        // the result of an UPDATE is checked too: nct=2 on a subscription to child creation
        f.send(Request.create(AE_PATH + "/temp", AE, 23, body("m2m:sub", "{\"rn\":\"c\",\"nu\":[\"" + AE
                + "\"],\"enc\":{\"net\":[3]}}")));
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.update(AE_PATH + "/temp/c", AE,
                body("m2m:sub", "{\"nct\":2}"))));
    }

    @Test
    void contentTypeConditionIgnoresTheEncodingPart() {
        FilterCriteria cty = new FilterCriteria(Set.of(), List.of(), null, null, null, null, null, null, null, null,
                null, null, Set.of("text/plain:0"), 1, null, null, null);
        Response r = f.send(Request.discover(AE_PATH, AE, cty));
        assertRsc(ResponseStatusCode.OK, r);
        assertEquals(3, r.content().get("m2m:uril").size(), r.content()::toString);
    }
}
