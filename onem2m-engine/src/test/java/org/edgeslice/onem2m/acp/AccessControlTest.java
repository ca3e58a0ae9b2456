package org.edgeslice.onem2m.acp;

import static org.edgeslice.onem2m.Fixture.CSE;
import static org.edgeslice.onem2m.Fixture.assertRsc;
import static org.edgeslice.onem2m.Fixture.body;

import org.edgeslice.onem2m.Fixture;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessControlTest {
    private final Fixture f = new Fixture();

    @BeforeEach
    void setUp() {
        f.registerAe("Cowner", "owner");
        f.registerAe("Creader", "reader");
        f.createContainer(CSE + "/owner", "Cowner", "{\"rn\":\"data\"}");
        f.createInstance(CSE + "/owner/data", "Cowner", "x");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private String createAcp(String rn, String acor, int acop) {
        Response r = f.send(Request.create(CSE + "/owner", "Cowner", 1, body("m2m:acp",
                "{\"rn\":\"" + rn + "\",\"pv\":{\"acr\":[{\"acor\":[\"" + acor + "\"],\"acop\":" + acop + "}]},"
                        + "\"pvs\":{\"acr\":[{\"acor\":[\"Cowner\"],\"acop\":63}]}}")));
        assertRsc(ResponseStatusCode.CREATED, r);
        return r.content().get("m2m:acp").get("ri").asText();
    }

    @Test
    void withoutPolicyOnlyTheOwnerAndAdminMayRead() {
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, f.send(Request.retrieve(CSE + "/owner/data", "Creader")));
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, f.send(Request.retrieve(CSE + "/owner/data/la", "Creader")));
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(CSE + "/owner/data/la", "Cowner")));
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(CSE + "/owner/data", Fixture.ADMIN)));
    }

    @Test
    void anyoneMayReadTheCseBaseButNotCreateContainersUnderIt() {
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(CSE, "Cstranger")));
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, f.createContainer(CSE, "Cstranger", "{}"));
        assertRsc(ResponseStatusCode.CREATED, f.createContainer(CSE, Fixture.ADMIN, "{\"rn\":\"shared\"}"));
    }

    @Test
    void policyGrantsExactlyTheOperationsInAcop() {
        String acp = createAcp("readOnly", "Creader", 2);
        assertRsc(ResponseStatusCode.UPDATED, f.send(Request.update(CSE + "/owner/data", "Cowner",
                body("m2m:cnt", "{\"acpi\":[\"" + acp + "\"]}"))));
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(CSE + "/owner/data/la", "Creader")));
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, f.createInstance(CSE + "/owner/data", "Creader", "y"));
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, f.send(Request.delete(CSE + "/owner/data", "Creader")));
    }

    @Test
    void allMatchesEveryOriginator() {
        String acp = createAcp("public", "all", 3);
        f.send(Request.update(CSE + "/owner/data", "Cowner", body("m2m:cnt", "{\"acpi\":[\"" + acp + "\"]}")));
        assertRsc(ResponseStatusCode.CREATED, f.createInstance(CSE + "/owner/data", "Canyone", "z"));
    }

    @Test
    void selfPrivilegesGovernThePolicyItself() {
        createAcp("p", "Creader", 63);
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, f.send(Request.retrieve(CSE + "/owner/p", "Creader")));
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(CSE + "/owner/p", "Cowner")));
    }

    @Test
    void malformedPrivilegesAreBadRequest() {
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.create(CSE + "/owner", "Cowner", 1, body("m2m:acp",
                "{\"pv\":{\"acr\":[{\"acop\":2}]},\"pvs\":{\"acr\":[]}}"))));
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.create(CSE + "/owner", "Cowner", 1, body("m2m:acp",
                "{\"pv\":{\"acr\":[]}}"))));
    }
}
