package org.edgeslice.onem2m.procedure;

import static org.edgeslice.onem2m.Fixture.CSE;
import static org.edgeslice.onem2m.Fixture.assertRsc;
import static org.edgeslice.onem2m.Fixture.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.edgeslice.onem2m.Fixture;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AeRegistrationTest {
    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    private Response register(String from, String json) {
        return f.send(Request.create(CSE, from, 2, body("m2m:ae", json)));
    }

    @Test
    void emptyOriginatorGetsAssignedCPrefixedAeIdThatIsAlsoTheResourceId() {
        Response r = register("", "{\"api\":\"Napp.x.y\",\"rr\":false,\"srv\":[\"3\"]}");
        assertRsc(ResponseStatusCode.CREATED, r);
        JsonNode ae = r.content().get("m2m:ae");
        assertTrue(ae.get("aei").asText().startsWith("C"));
        assertEquals(ae.get("aei").asText(), ae.get("ri").asText());
        assertEquals("cse-mn/" + ae.get("rn").asText(), r.location());
        assertEquals("id-mn", ae.get("pi").asText());
        assertEquals(2, ae.get("ty").asInt());
        assertTrue(ae.has("ct") && ae.has("lt") && ae.has("et"));
    }

    @Test
    void sOriginatorGetsSPrefixedAeId() {
        Response r = register("S", "{\"api\":\"Napp.x.y\",\"rr\":false,\"srv\":[\"3\"]}");
        assertTrue(r.content().get("m2m:ae").get("aei").asText().startsWith("S"));
        assertNotEquals("S", r.content().get("m2m:ae").get("aei").asText());
    }

    @Test
    void suppliedAeIdIsKeptAndASecondRegistrationIsRefused() {
        assertEquals("Cdevice1", f.registerAe("Cdevice1", "dev1"));
        Response again = register("Cdevice1", "{\"rn\":\"dev2\",\"api\":\"Napp.x.y\",\"rr\":true,\"srv\":[\"3\"]}");
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_ALREADY_REGISTERED, again);
    }

    @Test
    void originatorNotStartingWithCOrSCannotRegister() {
        assertRsc(ResponseStatusCode.BAD_REQUEST, register("device", "{\"api\":\"Na.b.c\",\"rr\":true,\"srv\":[\"3\"]}"));
    }

    @Test
    void missingMandatoryAttributesAreBadRequest() {
        assertRsc(ResponseStatusCode.BAD_REQUEST, register("C", "{\"rr\":true,\"srv\":[\"3\"]}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, register("C", "{\"api\":\"Na.b.c\",\"srv\":[\"3\"]}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, register("C", "{\"api\":\"Na.b.c\",\"rr\":true}"));
    }

    @Test
    void srvIsOptionalBeforeRelease3() {
        Response r = f.send(Request.create(CSE, "C", 2, body("m2m:ae", "{\"api\":\"ra.b.c\",\"rr\":true}"))
                .withReleaseVersion("2a"));
        assertRsc(ResponseStatusCode.CREATED, r);
    }

    @Test
    void apiMustStartWithNOrR() {
        assertRsc(ResponseStatusCode.BAD_REQUEST, register("C", "{\"api\":\"xa.b.c\",\"rr\":true,\"srv\":[\"3\"]}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.create(CSE, "C", 2,
                body("m2m:ae", "{\"api\":\"ra.b.c\",\"rr\":true,\"srv\":[\"4\"]}")).withReleaseVersion("4")));
    }

    @Test
    void readOnlyAndUnknownAttributesAreBadRequest() {
        assertRsc(ResponseStatusCode.BAD_REQUEST,
                register("C", "{\"ri\":\"x\",\"api\":\"Na.b.c\",\"rr\":true,\"srv\":[\"3\"]}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST,
                register("C", "{\"aei\":\"Cx\",\"api\":\"Na.b.c\",\"rr\":true,\"srv\":[\"3\"]}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST,
                register("C", "{\"foo\":1,\"api\":\"Na.b.c\",\"rr\":true,\"srv\":[\"3\"]}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, register("C", "{\"api\":\"Na.b.c\",\"rr\":\"yes\",\"srv\":[\"3\"]}"));
    }

    @Test
    void aeCannotBeCreatedUnderAnAe() {
        f.registerAe("Cparent", "parent");
        Response r = f.send(Request.create(CSE + "/parent", "Cparent", 2,
                body("m2m:ae", "{\"api\":\"Na.b.c\",\"rr\":true,\"srv\":[\"3\"]}")));
        assertRsc(ResponseStatusCode.INVALID_CHILD_RESOURCE_TYPE, r);
    }

    @Test
    void duplicateNameUnderCseBaseIsConflict() {
        f.registerAe("Cone", "same");
        assertRsc(ResponseStatusCode.CONFLICT, register("Ctwo", "{\"rn\":\"same\",\"api\":\"Na.b.c\",\"rr\":true,\"srv\":[\"3\"]}"));
    }

    @Test
    void ownerMayUpdateAndDeleteItsAeButOthersMayNot() {
        f.registerAe("Cowner", "mine");
        f.registerAe("Cother", "theirs");
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, f.send(Request.delete(CSE + "/mine", "Cother")));
        Response upd = f.send(Request.update(CSE + "/mine", "Cowner", body("m2m:ae", "{\"lbl\":[\"a\"],\"rr\":false}")));
        assertRsc(ResponseStatusCode.UPDATED, upd);
        assertEquals("a", upd.content().get("m2m:ae").get("lbl").get(0).asText());
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.update(CSE + "/mine", "Cowner",
                body("m2m:ae", "{\"api\":\"Nother.a.b\"}"))));
        assertRsc(ResponseStatusCode.DELETED, f.send(Request.delete(CSE + "/mine", "Cowner")));
        assertRsc(ResponseStatusCode.NOT_FOUND, f.send(Request.retrieve(CSE + "/mine", "Cowner")));
    }

    @Test
    void deletingAnAeDeletesItsSubtree() {
        f.registerAe("Cowner", "mine");
        f.createContainer(CSE + "/mine", "Cowner", "{\"rn\":\"cnt\"}");
        f.createInstance(CSE + "/mine/cnt", "Cowner", "x");
        int before = f.store.size();
        assertRsc(ResponseStatusCode.DELETED, f.send(Request.delete(CSE + "/mine", "Cowner")));
        assertEquals(before - 3, f.store.size());
    }

    @Test
    void unknownContentSerializationIsBadRequestOnCreateAndUpdate() {
        assertRsc(ResponseStatusCode.BAD_REQUEST,
                register("Ccsz", "{\"api\":\"Napp.x.y\",\"rr\":false,\"srv\":[\"3\"],\"csz\":[\"wrong\"]}"));
        assertRsc(ResponseStatusCode.CREATED, register("Ccsz", "{\"rn\":\"csz\",\"api\":\"Napp.x.y\",\"rr\":false,"
                + "\"srv\":[\"3\"],\"csz\":[\"application/cbor\",\"application/json\","
                + "\"application/vnd.onem2m-res+json\"]}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.update(CSE + "/csz", "Ccsz",
                body("m2m:ae", "{\"csz\":[\"application/json\",\"text/plain\"]}"))));
    }

    @Test
    void unknownReleaseInSrvIsBadRequestButAnyPublishedReleaseIsAccepted() {
        assertRsc(ResponseStatusCode.BAD_REQUEST, register("Csrv", "{\"api\":\"Napp.x.y\",\"rr\":false,\"srv\":[\"99\"]}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, register("Csrv", "{\"api\":\"Napp.x.y\",\"rr\":false,\"srv\":[]}"));
        // "2" is not served by this CSE but is a published release an AE may speak (ACME test_checkTargetRVI)
        assertRsc(ResponseStatusCode.CREATED, register("Csrv", "{\"rn\":\"srv\",\"api\":\"Napp.x.y\",\"rr\":false,"
                + "\"srv\":[\"2\",\"2a\"]}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.update(CSE + "/srv", "Csrv",
                body("m2m:ae", "{\"srv\":[\"3\",\"6\"]}"))));
        assertRsc(ResponseStatusCode.UPDATED, f.send(Request.update(CSE + "/srv", "Csrv",
                body("m2m:ae", "{\"srv\":[\"3\",\"4\"]}"))));
    }
}
