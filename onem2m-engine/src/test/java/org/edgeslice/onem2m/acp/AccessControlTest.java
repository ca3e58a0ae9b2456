package org.edgeslice.onem2m.acp;

import static org.edgeslice.onem2m.Fixture.CSE;
import static org.edgeslice.onem2m.Fixture.assertRsc;
import static org.edgeslice.onem2m.Fixture.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void byDefaultOnlyRegisteredAesTheAdminAndTheCseMayReadTheCseBase() {
        // ACME testCSE test_retrieveCSEWithWrongOriginator: an unknown originator gets 4103
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, f.send(Request.retrieve(CSE, "Cstranger")));
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, f.send(Request.discover(CSE, "Cstranger",
                org.edgeslice.onem2m.discovery.FilterCriteria.NONE)));
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(CSE, "Creader")));
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(CSE, Fixture.ADMIN)));
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(CSE, Fixture.CSI)));
        // registration stays open to anyone
        assertEquals("Cstranger", f.registerAe("Cstranger", "stranger"));
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(CSE, "Cstranger")));
    }

    @Test
    void settingAnyoneLetsAnUnknownOriginatorReadTheCseBase() {
        try (Fixture open = new Fixture(org.edgeslice.onem2m.procedure.CseConfig.defaults(Fixture.CSI, CSE)
                .withCseBaseRetrieve(CseBaseAccess.parse("anyone")))) {
            assertRsc(ResponseStatusCode.OK, open.send(Request.retrieve(CSE, "Cstranger")));
            assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, open.createContainer(CSE, "Cstranger", "{}"));
        }
    }

    @Test
    void nobodyButTheAdminMayCreateContainersUnderTheCseBase() {
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, f.createContainer(CSE, "Cstranger", "{}"));
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, f.createContainer(CSE, "Creader", "{}"));
        assertRsc(ResponseStatusCode.CREATED, f.createContainer(CSE, Fixture.ADMIN, "{\"rn\":\"shared\"}"));
    }

    @Test
    void registeredAeMayCreateAPolicyUnderTheCseBaseAndAStrangerMayNot() {
        // ACME testACP test_createACPUnderCSEBaseWithOriginator / test_deleteACPUnderCSEBaseWithOriginator
        String acp = "{\"rn\":\"shared\",\"pv\":{\"acr\":[]},"
                + "\"pvs\":{\"acr\":[{\"acor\":[\"Creader\"],\"acop\":63}]}}";
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE,
                f.send(Request.create(CSE, "Cstranger", 1, body("m2m:acp", acp))));
        assertRsc(ResponseStatusCode.CREATED, f.send(Request.create(CSE, "Creader", 1, body("m2m:acp", acp))));
        assertRsc(ResponseStatusCode.DELETED, f.send(Request.delete(CSE + "/shared", "Creader")));
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

    /** Creates a policy under the owner AE (as the admin, so pvs need not name the creator). */
    private String createPolicy(String rn, String pv, String pvs) {
        Response r = f.send(Request.create(CSE + "/owner", Fixture.ADMIN, 1, body("m2m:acp",
                "{\"rn\":\"" + rn + "\",\"pv\":" + pv + ",\"pvs\":" + pvs + "}")));
        assertRsc(ResponseStatusCode.CREATED, r);
        return r.content().get("m2m:acp").get("ri").asText();
    }

    private static String rules(String acor, int acop) {
        return "{\"acr\":[{\"acor\":[\"" + acor + "\"],\"acop\":" + acop + "}]}";
    }

    private Response updateContainer(String originator, String json) {
        return f.send(Request.update(CSE + "/owner/data", originator, body("m2m:cnt", json)));
    }

    private Response updatePolicy(String originator, String json) {
        return f.send(Request.update(CSE + "/owner/p", originator, body("m2m:acp", json)));
    }

    private Response subscribe(String parent, String originator) {
        return f.send(Request.create(parent, originator, 23,
                body("m2m:sub", "{\"nu\":[\"http://127.0.0.1:9/receiver\"],\"enc\":{\"net\":[1]}}")));
    }

    // --- audit 5a: acpi is changed under the policies' self-privileges ---

    @Test
    void changingAcpiNeedsUpdateInTheSelfPrivilegesNotInThePrivileges() {
        String acp = createPolicy("p", rules("Cmember", 63), rules("Cmanager", 63));
        assertRsc(ResponseStatusCode.UPDATED, updateContainer("Cowner", "{\"acpi\":[\"" + acp + "\"]}"));
        // pv gives Cmember every operation, including UPDATE of other attributes ...
        assertRsc(ResponseStatusCode.UPDATED, updateContainer("Cmember", "{\"lbl\":[\"x\"]}"));
        // ... but not the right to re-associate the resource with other policies
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, updateContainer("Cmember", "{\"acpi\":null}"));
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE,
                updateContainer("Cmember", "{\"acpi\":[\"" + acp + "\"]}"));
        // Cmanager has no pv rule at all, only the self-privilege
        assertRsc(ResponseStatusCode.UPDATED, updateContainer("Cmanager", "{\"acpi\":[\"" + acp + "\"]}"));
        assertRsc(ResponseStatusCode.UPDATED, updateContainer("Cmanager", "{\"acpi\":null}"));
    }

    @Test
    void anAeOutsideTheSelfPrivilegesCannotRemoveItsOwnAcpi() {
        String acp = createPolicy("p", rules("Cowner", 63), rules("Cmanager", 63));
        assertRsc(ResponseStatusCode.UPDATED, f.send(Request.update(CSE + "/owner", "Cowner",
                body("m2m:ae", "{\"acpi\":[\"" + acp + "\"]}"))));
        // ACME test_removeACPfromAEWrong2: the owner keeps its registration, not the power over its policies
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, f.send(Request.update(CSE + "/owner", "Cowner",
                body("m2m:ae", "{\"acpi\":null}"))));
        assertRsc(ResponseStatusCode.UPDATED, f.send(Request.update(CSE + "/owner", "Cmanager",
                body("m2m:ae", "{\"acpi\":null}"))));
    }

    @Test
    void acpiBesideOtherAttributesIsBadRequest() {
        String acp = createPolicy("p", rules("Cowner", 63), rules("Cowner", 63));
        assertRsc(ResponseStatusCode.BAD_REQUEST,
                updateContainer("Cowner", "{\"lbl\":[\"a\"],\"acpi\":[\"" + acp + "\"]}"));
    }

    @Test
    void aPolicyIsGovernedByItsSelfPrivilegesAloneNotByTheAeItSitsUnder() {
        createPolicy("p", rules("Cowner", 63), rules("Cmanager", 63));
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, f.send(Request.retrieve(CSE + "/owner/p", "Cowner")));
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, updatePolicy("Cowner", "{\"lbl\":[\"a\"]}"));
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, f.send(Request.delete(CSE + "/owner/p", "Cowner")));
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(CSE + "/owner/p", "Cmanager")));
        assertRsc(ResponseStatusCode.UPDATED, updatePolicy("Cmanager", "{\"lbl\":[\"a\"]}"));
        assertRsc(ResponseStatusCode.DELETED, f.send(Request.delete(CSE + "/owner/p", "Cmanager")));
    }

    // --- audit 5b: acpi names existing policies ---

    @Test
    void acpiNamingNoPolicyIsBadRequestOnCreateAndUpdate() {
        String dataRi = f.send(Request.retrieve(CSE + "/owner/data", "Cowner")).content().get("m2m:cnt").get("ri")
                .asText();
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.createContainer(CSE + "/owner", "Cowner",
                "{\"rn\":\"c2\",\"acpi\":[\"nonexistent\"]}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.create(CSE, "Cnew", 2, body("m2m:ae",
                "{\"rn\":\"n\",\"api\":\"Nx.y\",\"rr\":false,\"srv\":[\"3\"],\"acpi\":[\"nonexistent\"]}"))));
        assertRsc(ResponseStatusCode.BAD_REQUEST, updateContainer("Cowner", "{\"acpi\":[\"nonexistent\"]}"));
        // a resource that exists but is no policy
        assertRsc(ResponseStatusCode.BAD_REQUEST, updateContainer("Cowner", "{\"acpi\":[\"" + dataRi + "\"]}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, updateContainer("Cowner", "{\"acpi\":[]}"));
        // the refused update left the resource under the default policy
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(CSE + "/owner/data", "Cowner")));
    }

    @Test
    void acpiMayNameAPolicyByIdOrByStructuredAddress() {
        String acp = createPolicy("p", rules("Creader", 2), rules("Cowner", 63));
        assertRsc(ResponseStatusCode.CREATED, f.createContainer(CSE + "/owner", "Cowner",
                "{\"rn\":\"c2\",\"acpi\":[\"" + CSE + "/owner/p\"]}"));
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(CSE + "/owner/c2", "Creader")));
        assertRsc(ResponseStatusCode.CREATED, f.createContainer(CSE + "/owner", "Cowner",
                "{\"rn\":\"c3\",\"acpi\":[\"" + acp + "\"]}"));
    }

    // --- audit 5c: pv and pvs stay well formed ---

    @Test
    void selfPrivilegesCannotBeRemovedOrEmptied() {
        createPolicy("p", rules("Creader", 2), rules("Cowner", 63));
        assertRsc(ResponseStatusCode.BAD_REQUEST, updatePolicy("Cowner", "{\"pvs\":null}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, updatePolicy("Cowner", "{\"pvs\":{}}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, updatePolicy("Cowner", "{\"pvs\":{\"acr\":[]}}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, updatePolicy("Cowner", "{\"pv\":null}"));
        // the policy still answers to its managers
        assertRsc(ResponseStatusCode.UPDATED, updatePolicy("Cowner", "{\"lbl\":[\"still managed\"]}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.create(CSE + "/owner", Fixture.ADMIN, 1,
                body("m2m:acp", "{\"pv\":" + rules("Creader", 2) + ",\"pvs\":{}}"))));
    }

    @Test
    void malformedRulesAreBadRequestOnCreateAndUpdate() {
        createPolicy("p", rules("Creader", 2), rules("Cowner", 63));
        String[] malformed = {
                "{\"acr\":\"garbage\"}",
                "{\"acr\":[{\"acor\":[\"Creader\"],\"acop\":0}]}",
                "{\"acr\":[{\"acor\":[\"Creader\"],\"acop\":64}]}",
                "{\"acr\":[{\"acor\":[\"Creader\"],\"acop\":\"2\"}]}",
                "{\"acr\":[{\"acor\":[\"Creader\"]}]}",
                "{\"acr\":[{\"acor\":\"Creader\",\"acop\":2}]}",
                "{\"acr\":[{\"acor\":[7],\"acop\":2}]}",
                "{\"acr\":[{\"acor\":[\"Creader\"],\"acop\":2,\"acco\":{}}]}",
                "{\"acr\":[{\"acor\":[\"Creader\"],\"acop\":2,\"acco\":[{\"actw\":\"* * * * * *\"}]}]}",
                "{\"acr\":[{\"acor\":[\"Creader\"],\"acop\":2,\"acod\":[{\"chty\":[\"cnt\"]}]}]}",
                "{\"acr\":[{\"acor\":[\"Creader\"],\"acop\":2,\"acod\":[{\"ty\":-1}]}]}",
                "{\"acr\":[{\"acor\":[\"Creader\"],\"acop\":2,\"acaf\":\"yes\"}]}",
                "{\"acr\":[{\"acor\":[\"Creader\"],\"acop\":2,\"unknown\":1}]}",
                "{\"acr\":[],\"extra\":true}",
                "[]",
        };
        for (String pv : malformed) {
            assertRsc(ResponseStatusCode.BAD_REQUEST, updatePolicy("Cowner", "{\"pv\":" + pv + "}"));
            assertRsc(ResponseStatusCode.BAD_REQUEST, updatePolicy("Cowner", "{\"pvs\":" + pv + "}"));
            assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.create(CSE + "/owner", Fixture.ADMIN, 1,
                    body("m2m:acp", "{\"pv\":" + pv + ",\"pvs\":" + rules("Cowner", 63) + "}"))));
        }
        assertRsc(ResponseStatusCode.UPDATED, updatePolicy("Cowner", "{\"pv\":{\"acr\":[{\"acor\":[\"Creader\"],"
                + "\"acop\":2,\"acaf\":false,\"acco\":[{\"actw\":[\"* * * * * *\"],\"acip\":{\"ipv4\":[\"127.0.0.1\"]}}],"
                + "\"acod\":[{\"ty\":3,\"chty\":[4]}]}]}}"));
        assertRsc(ResponseStatusCode.UPDATED, updatePolicy("Cowner", "{\"pv\":{\"acr\":[]}}"));
    }

    @Test
    void objectDetailsLimitWhichChildTypesARuleLetsBeCreated() {
        String acp = createPolicy("p", "{\"acr\":[{\"acor\":[\"Creader\"],\"acop\":1,\"acod\":[{\"chty\":[4]}]}]}",
                rules("Cowner", 63));
        assertRsc(ResponseStatusCode.UPDATED, updateContainer("Cowner", "{\"acpi\":[\"" + acp + "\"]}"));
        assertRsc(ResponseStatusCode.CREATED, f.createInstance(CSE + "/owner/data", "Creader", "y"));
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE,
                f.createContainer(CSE + "/owner/data", "Creader", "{\"rn\":\"sub\"}"));
    }

    // --- audit 19: subscribing needs RETRIEVE on the subscribed-to resource ---

    @Test
    void subscribingWithoutRetrievePrivilegeIsSubscriptionCreatorHasNoPrivilege() {
        String createOnly = createPolicy("p", rules("Creader", 1), rules("Cowner", 63));
        assertRsc(ResponseStatusCode.UPDATED, updateContainer("Cowner", "{\"acpi\":[\"" + createOnly + "\"]}"));
        Response r = subscribe(CSE + "/owner/data", "Creader");
        assertRsc(ResponseStatusCode.SUBSCRIPTION_CREATOR_HAS_NO_PRIVILEGE, r);
        assertEquals(4101, r.rsc().code());
        assertEquals(403, r.rsc().httpStatus());
    }

    @Test
    void subscribingNeedsBothCreateAndRetrievePrivileges() {
        String retrieveOnly = createPolicy("r", rules("Creader", 2), rules("Cowner", 63));
        String both = createPolicy("b", rules("Cboth", 3), rules("Cowner", 63));
        assertRsc(ResponseStatusCode.UPDATED, updateContainer("Cowner",
                "{\"acpi\":[\"" + retrieveOnly + "\",\"" + both + "\"]}"));
        // the generic CREATE check comes first (TS-0004 §7.3.3.2 before §7.4.8.2.1)
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, subscribe(CSE + "/owner/data", "Creader"));
        assertRsc(ResponseStatusCode.CREATED, subscribe(CSE + "/owner/data", "Cboth"));
    }

    // --- audit 20: * anywhere in acor ---

    @Test
    void acorWildcardMatchesAnySequenceWhereverItStands() {
        String acp = createPolicy("p", "{\"acr\":[{\"acor\":[\"Canother*\",\"Cyet*Originator\"],\"acop\":2}]}",
                rules("Cowner", 63));
        assertRsc(ResponseStatusCode.UPDATED, updateContainer("Cowner", "{\"acpi\":[\"" + acp + "\"]}"));
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(CSE + "/owner/data", "CanotherOriginator")));
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(CSE + "/owner/data", "CyetAnotherOriginator")));
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(CSE + "/owner/data", "CyetOriginator")));
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE,
                f.send(Request.retrieve(CSE + "/owner/data", "CyetAnother")));
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE,
                f.send(Request.retrieve(CSE + "/owner/data", "CyetAnotherOriginatorX")));
    }

    @Test
    void acorPatternsFollowGlobSemantics() {
        assertTrue(AccessControlRules.acorMatches("*", ""));
        assertTrue(AccessControlRules.acorMatches("*", "Cx"));
        assertTrue(AccessControlRules.acorMatches("all", "Cx"));
        assertTrue(AccessControlRules.acorMatches("C*", "C"));
        assertTrue(AccessControlRules.acorMatches("*Originator", "CanOriginator"));
        assertTrue(AccessControlRules.acorMatches("C*a*b", "Cxaxaab"));
        assertTrue(AccessControlRules.acorMatches("C**b", "Cb"));
        assertTrue(AccessControlRules.acorMatches("Cexact", "Cexact"));
        assertFalse(AccessControlRules.acorMatches("Cexact", "Cexact2"));
        assertFalse(AccessControlRules.acorMatches("C*a*b", "Cxaxaabc"));
        assertFalse(AccessControlRules.acorMatches("*Originator", "COriginato"));
        assertFalse(AccessControlRules.acorMatches("C?", "Cx")); // only * is a wildcard
    }

    // --- audit 22: <subscription> under <accessControlPolicy> ---

    @Test
    void aPolicyAcceptsSubscriptionsFromItsManagersAndNotifiesThem() {
        createPolicy("p", rules("Creader", 63), rules("Cowner", 63));
        assertRsc(ResponseStatusCode.CREATED, subscribe(CSE + "/owner/p", "Cowner"));
        // the policy's pv gives Creader nothing on the policy itself
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, subscribe(CSE + "/owner/p", "Creader"));
        int before = f.sender.bodies.size();
        assertRsc(ResponseStatusCode.UPDATED, updatePolicy("Cowner", "{\"lbl\":[\"changed\"]}"));
        f.engine.drainNotifications(5000);
        assertTrue(f.sender.bodies.size() > before, "an update of the policy notifies its subscriber");
    }

    @Test
    void withoutPolicyTheCustodianTakesTheOwnersPlace() {
        Response c = f.createContainer(CSE + "/owner", Fixture.ADMIN, "{\"rn\":\"kept\",\"cstn\":\"Ckeeper\"}");
        assertRsc(ResponseStatusCode.CREATED, c);
        // ACME testACP ...AndCustodian: the custodian may retrieve and delete, the AE above it may not
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(CSE + "/owner/kept", "Ckeeper")));
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, f.send(Request.retrieve(CSE + "/owner/kept", "Cowner")));
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, f.send(Request.retrieve(CSE + "/owner/kept", "Creader")));
        assertRsc(ResponseStatusCode.DELETED, f.send(Request.delete(CSE + "/owner/kept", "Ckeeper")));
    }
}
