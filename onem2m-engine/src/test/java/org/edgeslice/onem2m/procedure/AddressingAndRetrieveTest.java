package org.edgeslice.onem2m.procedure;

import static org.edgeslice.onem2m.Fixture.CSE;
import static org.edgeslice.onem2m.Fixture.assertRsc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.edgeslice.onem2m.Fixture;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AddressingAndRetrieveTest {
    private final Fixture f = new Fixture();
    private String cntRi;

    @BeforeEach
    void setUp() {
        f.registerAe("Cdev", "dev");
        cntRi = f.createContainer(CSE + "/dev", "Cdev", "{\"rn\":\"temp\"}").content().get("m2m:cnt").get("ri").asText();
        f.createInstance(CSE + "/dev/temp", "Cdev", "1");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Response get(String to) {
        return f.send(Request.retrieve(to, "Cdev"));
    }

    @Test
    void allAddressFormsReachTheSameContainer() {
        for (String to : new String[] {CSE + "/dev/temp", "-/dev/temp", cntRi, "/id-mn/" + cntRi,
                "/id-mn/" + CSE + "/dev/temp", "//any.sp/id-mn/" + cntRi, "//any.sp/id-mn/" + CSE + "/dev/temp"}) {
            Response r = get(to);
            assertRsc(ResponseStatusCode.OK, r);
            assertEquals(cntRi, r.content().get("m2m:cnt").get("ri").asText(), to);
        }
    }

    @Test
    void cseBaseByNameIdAndAlias() {
        for (String to : new String[] {CSE, "-", "id-mn", "/id-mn", "/id-mn/" + CSE}) {
            Response r = get(to);
            assertRsc(ResponseStatusCode.OK, r);
            JsonNode cb = r.content().get("m2m:cb");
            assertEquals("/id-mn", cb.get("csi").asText());
            assertEquals("id-mn", cb.get("ri").asText());
            assertEquals("", cb.get("pi").asText());
            assertEquals(5, cb.get("ty").asInt());
            assertTrue(cb.has("ctm"));
            assertTrue(cb.get("srv").toString().contains("\"3\""));
        }
    }

    @Test
    void foreignCseIsNotReachableAndUnknownPathIsNotFound() {
        assertRsc(ResponseStatusCode.TARGET_NOT_REACHABLE, get("/id-in/" + CSE));
        assertRsc(ResponseStatusCode.NOT_FOUND, get(CSE + "/dev/nothing"));
        assertRsc(ResponseStatusCode.NOT_FOUND, get("cnt-unknown"));
        assertRsc(ResponseStatusCode.NOT_FOUND, get(CSE + "/dev/la"));
    }

    @Test
    void hybridAddressResolvesTheUnstructuredIdThenTheChildNames() {
        // ACME Dispatcher._checkHybridID: <ri>/<child names>; TS-0001 §9.3.1 does not define the form
        for (String to : new String[] {"Cdev/temp", "/id-mn/Cdev/temp", "//any.sp/id-mn/Cdev/temp",
                "id-mn/dev/temp"}) {
            Response r = get(to);
            assertRsc(ResponseStatusCode.OK, r);
            assertEquals(cntRi, r.content().get("m2m:cnt").get("ri").asText(), to);
        }
        Response latest = get("Cdev/temp/la");
        assertRsc(ResponseStatusCode.OK, latest);
        assertEquals("1", latest.content().get("m2m:cin").get("con").asText());
        assertRsc(ResponseStatusCode.NOT_FOUND, get("Cdev/nothing"));
        assertRsc(ResponseStatusCode.NOT_FOUND, get("cnt-unknown/temp"));
        assertRsc(ResponseStatusCode.NOT_FOUND, get(cntRi + "/dev"));
    }

    @Test
    void resultContentVariants() {
        JsonNode withChildren = f.send(Request.retrieve(cntRi, "Cdev").withResultContent(4)).content().get("m2m:cnt");
        assertEquals(1, withChildren.get("m2m:cin").size());
        JsonNode refs = f.send(Request.retrieve(cntRi, "Cdev").withResultContent(5)).content().get("m2m:cnt");
        assertEquals(4, refs.get("ch").get(0).get("typ").asInt());
        JsonNode rrl = f.send(Request.retrieve(cntRi, "Cdev").withResultContent(6)).content().get("m2m:rrl");
        assertEquals(1, rrl.get("rrf").size());
        JsonNode only = f.send(Request.retrieve(cntRi, "Cdev").withResultContent(8)).content().get("m2m:cnt");
        assertFalse(only.has("ri"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.retrieve(cntRi, "Cdev").withResultContent(2)));
    }

    @Test
    void createResultContentVariants() {
        Response none = f.send(Request.create(CSE + "/dev", "Cdev", 3, Fixture.body("m2m:cnt", "{\"rn\":\"a\"}"))
                .withResultContent(0));
        assertRsc(ResponseStatusCode.CREATED, none);
        assertEquals(null, none.content());
        Response uri = f.send(Request.create(CSE + "/dev", "Cdev", 3, Fixture.body("m2m:cnt", "{\"rn\":\"b\"}"))
                .withResultContent(2));
        assertEquals(CSE + "/dev/b", uri.content().get("m2m:uri").asText());
        Response rce = f.send(Request.create(CSE + "/dev", "Cdev", 3, Fixture.body("m2m:cnt", "{\"rn\":\"c\"}"))
                .withResultContent(3));
        assertEquals(CSE + "/dev/c", rce.content().get("m2m:rce").get("uri").asText());
        assertTrue(rce.content().get("m2m:rce").has("m2m:cnt"));
    }

    @Test
    void unsupportedReleaseVersionIsRefused() {
        assertRsc(ResponseStatusCode.RELEASE_VERSION_NOT_SUPPORTED,
                f.send(Request.retrieve(CSE, "Cdev").withReleaseVersion("9")));
    }

    @Test
    void definedButUnimplementedResourceTypeIsNotImplemented() {
        assertRsc(ResponseStatusCode.NOT_IMPLEMENTED, f.send(Request.create(CSE, "Cdev", 16, Fixture.body("m2m:csr", "{}"))));
        assertRsc(ResponseStatusCode.NOT_IMPLEMENTED,
                f.send(Request.create(CSE, "Cdev", 28, Fixture.body("m2m:fcnt", "{}"))));
    }

    @Test
    void resourceTypeOneM2mDoesNotDefineIsBadRequest() {
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.create(CSE, "Cdev", 999, Fixture.body("m2m:x", "{}"))));
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.create(CSE, "Cdev", 0, Fixture.body("m2m:x", "{}"))));
    }
}
