package org.edgeslice.onem2m.procedure;

import static org.edgeslice.onem2m.Fixture.CSE;
import static org.edgeslice.onem2m.Fixture.CSI;
import static org.edgeslice.onem2m.Fixture.assertRsc;
import static org.edgeslice.onem2m.Fixture.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgeslice.onem2m.Fixture;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.function.CommonServiceFunction;
import org.edgeslice.onem2m.function.FunctionSet;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;
import org.edgeslice.onem2m.store.wal.FsyncPolicy;
import org.edgeslice.onem2m.store.wal.WalResourceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <group>} (TS-0001 §9.6.13) and its {@code <fanOutPoint>} (§9.6.14): members, limits, fan-out. */
class GroupTest {
    private static final String AE = "Cgrp";
    private static final String AE_PATH = CSE + "/grpApp";
    private final Fixture f = new Fixture();
    private final List<String> containers = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        f.registerAe(AE, "grpApp");
        for (String rn : List.of("c1", "c2", "c3")) {
            Response r = f.createContainer(AE_PATH, AE, "{\"rn\":\"" + rn + "\"}");
            containers.add(r.content().get("m2m:cnt").get("ri").asText());
        }
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Response createGroup(String json) {
        return f.send(Request.create(AE_PATH, AE, 9, body("m2m:grp", json)));
    }

    private JsonNode group(String path) {
        Response r = f.send(Request.retrieve(path, AE));
        assertRsc(ResponseStatusCode.OK, r);
        return r.content().get("m2m:grp");
    }

    private String mid(String... members) {
        return "[\"" + String.join("\",\"", members) + "\"]";
    }

    private static List<JsonNode> answers(Response r) {
        assertRsc(ResponseStatusCode.OK, r);
        List<JsonNode> out = new ArrayList<>();
        r.content().get("m2m:agr").get("m2m:rsp").forEach(out::add);
        return out;
    }

    @Test
    void aGroupListsItsMembersByIdAndCountsThem() {
        Response r = createGroup("{\"rn\":\"g\",\"mt\":24,\"mnm\":10,\"mid\":" + mid(containers.get(0),
                AE_PATH + "/c2", containers.get(0)) + "}");
        assertRsc(ResponseStatusCode.CREATED, r);
        JsonNode g = group(AE_PATH + "/g");
        assertEquals(9, g.get("ty").asInt());
        assertEquals(24, g.get("mt").asInt());
        assertEquals(10, g.get("mnm").asInt());
        assertEquals(2, g.get("cnm").asInt(), "the duplicate counted once: " + g);
        assertEquals(List.of(containers.get(0), containers.get(1)), texts(g.get("mid")),
                "the structured address is stored as the resource id");
        assertTrue(g.get("mtv").asBoolean());
        assertEquals(1, g.get("csy").asInt(), "ABANDON_MEMBER by default");
        assertFalse(g.has("cr"), "no creator unless asked for");
        assertTrue(g.get("ri").asText().startsWith("grp"));
        assertTrue(texts(f.send(Request.retrieve(CSE, AE)).content().get("m2m:cb").get("srt")).contains("9"),
                "the CSEBase lists <group> among its supported resource types");
    }

    @Test
    void groupAttributesAreCheckedAsTheStandardSays() {
        String c = containers.get(0);
        assertRsc(ResponseStatusCode.BAD_REQUEST, createGroup("{\"mnm\":2,\"mid\":[]}"), "mt is mandatory");
        assertRsc(ResponseStatusCode.BAD_REQUEST, createGroup("{\"mt\":3,\"mid\":[]}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, createGroup("{\"mt\":3,\"mnm\":2}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, createGroup("{\"mt\":3,\"mnm\":0,\"mid\":[]}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, createGroup("{\"mt\":999,\"mnm\":2,\"mid\":[]}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, createGroup("{\"mt\":3,\"mnm\":2,\"mid\":[],\"csy\":4}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, createGroup("{\"mt\":3,\"mnm\":2,\"mid\":[],\"cnm\":0}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, createGroup("{\"mt\":3,\"mnm\":2,\"mid\":[],\"cr\":\"Cx\"}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, createGroup("{\"mt\":3,\"mnm\":2,\"mid\":[],\"macp\":[\"nope\"]}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, createGroup("{\"mt\":3,\"mnm\":2,\"mid\":[\"" + c + "/la\"]}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, createGroup("{\"mt\":3,\"mnm\":2,\"mid\":[\"" + c + "/fopt\"]}"),
                "only a group has a fan-out point");
        assertRsc(ResponseStatusCode.NOT_FOUND, createGroup("{\"mt\":3,\"mnm\":2,\"mid\":[\"cntMissing\"]}"));
        assertRsc(ResponseStatusCode.TARGET_NOT_REACHABLE,
                createGroup("{\"mt\":3,\"mnm\":2,\"mid\":[\"/id-other/cnt1\"]}"));
        Response withCreator = createGroup("{\"rn\":\"g\",\"mt\":3,\"mnm\":2,\"mid\":[],\"cr\":null}");
        assertRsc(ResponseStatusCode.CREATED, withCreator);
        assertEquals(AE, withCreator.content().get("m2m:grp").get("cr").asText());
        assertRsc(ResponseStatusCode.BAD_REQUEST,
                f.send(Request.update(AE_PATH + "/g", AE, body("m2m:grp", "{\"mt\":4}"))), "mt is write-once");
        assertRsc(ResponseStatusCode.BAD_REQUEST,
                f.send(Request.update(AE_PATH + "/g", AE, body("m2m:grp", "{\"mid\":null}"))));
        assertRsc(ResponseStatusCode.BAD_REQUEST,
                f.send(Request.update(AE_PATH + "/g", AE, body("m2m:cnt", "{\"lbl\":[\"x\"]}"))));
        assertEquals(0, group(AE_PATH + "/g").get("cnm").asInt(), "nothing changed");
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.create(AE_PATH + "/g", AE, 23,
                body("m2m:sub", "{\"rn\":\"fopt\",\"nu\":[\"" + AE + "\"]}"))), "fopt is the fanOutPoint's name");
    }

    @Test
    void moreMembersThanMaxNrOfMembersIs6010AndChangesNothing() {
        assertRsc(ResponseStatusCode.MAX_NUMBER_OF_MEMBER_EXCEEDED,
                createGroup("{\"rn\":\"g\",\"mt\":3,\"mnm\":2,\"mid\":" + mid(containers.toArray(String[]::new)) + "}"));
        assertRsc(ResponseStatusCode.CREATED,
                createGroup("{\"rn\":\"g\",\"mt\":3,\"mnm\":2,\"mid\":" + mid(containers.get(0), containers.get(1)) + "}"));
        Response r = f.send(Request.update(AE_PATH + "/g", AE,
                body("m2m:grp", "{\"mid\":" + mid(containers.toArray(String[]::new)) + "}")));
        assertEquals(6010, r.rsc().code());
        assertEquals(400, r.rsc().httpStatus());
        assertRsc(ResponseStatusCode.MAX_NUMBER_OF_MEMBER_EXCEEDED,
                f.send(Request.update(AE_PATH + "/g", AE, body("m2m:grp", "{\"mnm\":1}"))));
        JsonNode g = group(AE_PATH + "/g");
        assertEquals(2, g.get("cnm").asInt());
        assertEquals(2, g.get("mnm").asInt());
        Response grown = f.send(Request.update(AE_PATH + "/g", AE,
                body("m2m:grp", "{\"mnm\":3,\"mid\":" + mid(containers.toArray(String[]::new)) + "}")));
        assertRsc(ResponseStatusCode.UPDATED, grown);
        assertEquals(3, grown.content().get("m2m:grp").get("cnm").asInt());
    }

    @Test
    void consistencyStrategyDecidesAboutMembersOfAnotherType() {
        String[] mixed = {containers.get(0), AE, containers.get(1)};
        Response abandon = createGroup("{\"rn\":\"g1\",\"mt\":3,\"mnm\":5,\"mid\":" + mid(mixed) + "}");
        assertRsc(ResponseStatusCode.CREATED, abandon);
        assertEquals(List.of(containers.get(0), containers.get(1)), texts(abandon.content().get("m2m:grp").get("mid")),
                "ABANDON_MEMBER leaves the AE out");
        Response refuse = createGroup("{\"rn\":\"g2\",\"mt\":3,\"mnm\":5,\"csy\":2,\"mid\":" + mid(mixed) + "}");
        assertEquals(4110, refuse.rsc().code());
        assertEquals(400, refuse.rsc().httpStatus());
        Response setMixed = createGroup("{\"rn\":\"g3\",\"mt\":3,\"mnm\":5,\"csy\":3,\"mid\":" + mid(mixed) + "}");
        assertRsc(ResponseStatusCode.CREATED, setMixed);
        assertEquals(24, setMixed.content().get("m2m:grp").get("mt").asInt(), "SET_MIXED");
        assertEquals(3, setMixed.content().get("m2m:grp").get("cnm").asInt());
    }

    @Test
    void membersTheOriginatorMayNotReadAreRefusedWith5105() {
        f.registerAe("Cother", "other");
        Response r = f.createContainer(CSE + "/other", "Cother", "{\"rn\":\"private\"}");
        String foreign = r.content().get("m2m:cnt").get("ri").asText();
        Response refused = createGroup("{\"mt\":3,\"mnm\":5,\"mid\":" + mid(containers.get(0), foreign) + "}");
        assertEquals(5105, refused.rsc().code());
        assertEquals(403, refused.rsc().httpStatus());
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, f.send(Request.retrieve(AE_PATH, "Cother")));
    }

    @Test
    void aDeletedMemberLeavesItsGroups() {
        createGroup("{\"rn\":\"g\",\"mt\":3,\"mnm\":5,\"mid\":" + mid(containers.toArray(String[]::new)) + "}");
        createGroup("{\"rn\":\"h\",\"mt\":3,\"mnm\":5,\"mid\":" + mid(containers.get(1)) + "}");
        assertRsc(ResponseStatusCode.DELETED, f.send(Request.delete(AE_PATH + "/c2", AE)));
        JsonNode g = group(AE_PATH + "/g");
        assertEquals(2, g.get("cnm").asInt());
        assertEquals(List.of(containers.get(0), containers.get(2)), texts(g.get("mid")));
        assertEquals(0, group(AE_PATH + "/h").get("cnm").asInt());
        assertEquals(2, answers(f.send(Request.retrieve(AE_PATH + "/g/fopt", AE))).size());
    }

    @Test
    void fanOutCreatesReadsUpdatesAndDeletesAtEveryMember() {
        createGroup("{\"rn\":\"g\",\"mt\":3,\"mnm\":5,\"mid\":" + mid(containers.toArray(String[]::new)) + "}");
        List<JsonNode> created = answers(f.send(Request.create(AE_PATH + "/g/fopt", AE, 4,
                body("m2m:cin", "{\"cnf\":\"text/plain:0\",\"con\":\"aValue\"}"))));
        assertEquals(3, created.size());
        for (JsonNode a : created) {
            assertEquals(2001, a.get("rsc").asInt(), a.toString());
            assertEquals("rq", a.get("rqi").asText());
            assertEquals(CSI, a.get("fr").asText());
            JsonNode cin = f.send(Request.retrieve(a.get("to").asText(), AE)).content().get("m2m:cin");
            assertEquals("aValue", cin.get("con").asText(), "'to' names the created instance");
            assertEquals(a.get("pc").get("m2m:cin").get("ri"), cin.get("ri"));
        }
        for (String c : containers) {
            assertEquals("aValue", f.send(Request.retrieve(c + "/la", AE)).content().get("m2m:cin").get("con").asText());
        }
        List<JsonNode> latest = answers(f.send(Request.retrieve(AE_PATH + "/g/fopt/la", AE)));
        assertEquals(3, latest.size());
        latest.forEach(a -> assertEquals("aValue", a.get("pc").get("m2m:cin").get("con").asText()));

        List<JsonNode> updated = answers(f.send(Request.update(AE_PATH + "/g/fopt", AE,
                body("m2m:cnt", "{\"lbl\":[\"aTag\"]}"))));
        updated.forEach(a -> assertEquals(2004, a.get("rsc").asInt()));
        for (String c : containers) {
            assertEquals("aTag", f.send(Request.retrieve(c, AE)).content().get("m2m:cnt").get("lbl").get(0).asText());
        }
        List<JsonNode> deleted = answers(f.send(Request.delete(AE_PATH + "/g/fopt/la", AE)));
        deleted.forEach(a -> assertEquals(2002, a.get("rsc").asInt()));
        assertRsc(ResponseStatusCode.NOT_FOUND, f.send(Request.retrieve(containers.get(0) + "/la", AE)));
        answers(f.send(Request.delete(CSI + "/" + CSE + "/grpApp/g/fopt", AE)))
                .forEach(a -> assertEquals(2002, a.get("rsc").asInt()));
        assertRsc(ResponseStatusCode.NOT_FOUND, f.send(Request.retrieve(AE_PATH + "/c1", AE)));
        assertEquals(0, group(AE_PATH + "/g").get("cnm").asInt(), "the deleted members left the group");
    }

    @Test
    void eachMemberAnswersWithItsOwnChecks() {
        createGroup("{\"rn\":\"g\",\"mt\":24,\"mnm\":5,\"mid\":" + mid(containers.get(0), AE) + "}");
        List<JsonNode> a = answers(f.send(Request.create(AE_PATH + "/g/fopt", AE, 4,
                body("m2m:cin", "{\"con\":\"x\"}"))));
        assertEquals(2001, a.get(0).get("rsc").asInt());
        assertEquals(4108, a.get(1).get("rsc").asInt(), "no instance under an AE: " + a.get(1));
        assertTrue(a.get(1).get("pc").has("m2m:dbg"));
        assertEquals(AE, a.get(1).get("to").asText());
    }

    @Test
    void fanOutNeedsThePrivilegeOnTheFanOutPointFromMacpOrTheGroup() {
        createGroup("{\"rn\":\"g\",\"mt\":3,\"mnm\":5,\"mid\":" + mid(containers.get(0)) + "}");
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE,
                f.send(Request.retrieve(AE_PATH + "/g/fopt", "Cstranger")));
        Response acp = f.send(Request.create(AE_PATH, AE, 1, body("m2m:acp",
                "{\"rn\":\"readers\",\"pv\":{\"acr\":[{\"acor\":[\"Creader\"],\"acop\":2}]},"
                        + "\"pvs\":{\"acr\":[{\"acor\":[\"" + AE + "\"],\"acop\":63}]}}")));
        String acpRi = acp.content().get("m2m:acp").get("ri").asText();
        assertRsc(ResponseStatusCode.UPDATED, f.send(Request.update(AE_PATH + "/g", AE,
                body("m2m:grp", "{\"macp\":[\"" + acpRi + "\"]}"))));
        List<JsonNode> a = answers(f.send(Request.retrieve(AE_PATH + "/g/fopt", "Creader")));
        assertEquals(4103, a.get(0).get("rsc").asInt(), "macp opens the fan-out point, the member keeps its own rules");
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE,
                f.send(Request.delete(AE_PATH + "/g/fopt", "Creader")), "macp grants RETRIEVE only");
        assertRsc(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE,
                f.send(Request.retrieve(AE_PATH + "/g", "Creader")), "macp does not open the group itself");
    }

    @Test
    void groupsOfGroupsFanOutThroughTheirFanOutPointsWithoutCycles() {
        createGroup("{\"rn\":\"inner\",\"mt\":3,\"mnm\":5,\"mid\":" + mid(containers.get(0), containers.get(1)) + "}");
        String inner = group(AE_PATH + "/inner").get("ri").asText();
        Response outer = createGroup("{\"rn\":\"outer\",\"mt\":3,\"mnm\":5,\"mid\":"
                + mid(inner + "/fopt", containers.get(2)) + "}");
        assertRsc(ResponseStatusCode.CREATED, outer);
        assertEquals(2, outer.content().get("m2m:grp").get("cnm").asInt(), "a fan-out point of containers is type 3");
        String outerRi = outer.content().get("m2m:grp").get("ri").asText();
        List<JsonNode> a = answers(f.send(Request.retrieve(AE_PATH + "/outer/fopt", AE)));
        assertEquals(2, a.size());
        assertEquals(2, a.get(0).get("pc").get("m2m:agr").get("m2m:rsp").size(), "the inner group fans out again");
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.update(AE_PATH + "/inner", AE,
                body("m2m:grp", "{\"mt\":3}"))));
        Response cycle = f.send(Request.update(AE_PATH + "/inner", AE,
                body("m2m:grp", "{\"mid\":" + mid(outerRi + "/fopt") + "}")));
        assertRsc(ResponseStatusCode.BAD_REQUEST, cycle);
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.update(AE_PATH + "/inner", AE,
                body("m2m:grp", "{\"mid\":" + mid(inner + "/fopt") + "}"))), "not its own member");
    }

    @Test
    void instancesEvictedByTheirContainerLeaveTheirGroupsAndUpdatesDoNotRecheckUnchangedMembers() {
        f.createContainer(AE_PATH, AE, "{\"rn\":\"one\",\"mni\":1}");
        String first = f.createInstance(AE_PATH + "/one", AE, "a").content().get("m2m:cin").get("ri").asText();
        assertRsc(ResponseStatusCode.CREATED, createGroup("{\"rn\":\"g\",\"mt\":4,\"mnm\":3,\"mid\":"
                + mid(first) + "}"));
        f.createInstance(AE_PATH + "/one", AE, "b"); // mni=1: the first instance is evicted
        JsonNode g = group(AE_PATH + "/g");
        assertEquals(0, g.get("cnm").asInt(), "the evicted instance left the group: " + g);
        assertRsc(ResponseStatusCode.UPDATED, f.send(Request.update(AE_PATH + "/g", AE,
                body("m2m:grp", "{\"gn\":\"renamed\"}"))), "an UPDATE without mid does not revalidate members");
    }

    @Test
    void oneRequestCausesAtMostAThousandMemberRequestsThroughNestedFanOutPoints() {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Response r = createGroup("{\"rn\":\"n" + i + "\",\"mt\":9,\"mnm\":10,\"mid\":[]}");
            groups.add(r.content().get("m2m:grp").get("ri").asText());
        }
        for (int i = 0; i < 5; i++) {
            List<String> others = new ArrayList<>(groups);
            others.remove(i);
            assertRsc(ResponseStatusCode.UPDATED, f.send(Request.update(AE_PATH + "/n" + i, AE,
                    body("m2m:grp", "{\"mid\":" + mid(others.toArray(String[]::new)) + "}"))));
        }
        // n0/fopt/fopt/fopt/fopt/fopt/fopt: 4 + 16 + ... + 4^6 = 5,460 member requests without a limit
        Response r = f.send(Request.retrieve(AE_PATH + "/n0/fopt/fopt/fopt/fopt/fopt/fopt", AE));
        assertRsc(ResponseStatusCode.OK, r);
        int[] counts = new int[2]; // member answers, refused ones
        count(r.content(), counts);
        assertTrue(counts[0] - counts[1] <= FanOutProcedure.MAX_MEMBER_REQUESTS, "sent: " + (counts[0] - counts[1]));
        assertTrue(counts[1] > 0, "the rest answered 4000 without being sent");
    }

    private static void count(JsonNode content, int[] counts) {
        JsonNode rsp = content.path("m2m:agr").path("m2m:rsp");
        for (JsonNode a : rsp) {
            counts[0]++;
            if (a.get("rsc").asInt() == 4000 && a.path("pc").path("m2m:dbg").asText().contains("limit")) {
                counts[1]++;
            }
            count(a.path("pc"), counts);
        }
    }

    @Test
    void aSliceWithoutGroupManagementRefusesGroupsWith5001() {
        try (Fixture slice = new Fixture(FunctionSet.forSlice("registration,retrieve"))) {
            slice.registerAe(AE, "grpApp");
            Response r = slice.send(Request.create(AE_PATH, AE, 9,
                    body("m2m:grp", "{\"mt\":3,\"mnm\":2,\"mid\":[]}")));
            assertRsc(ResponseStatusCode.NOT_IMPLEMENTED, r);
            assertFalse(slice.engine.config().functions().contains(CommonServiceFunction.GROUP_MANAGEMENT));
            assertFalse(texts(slice.send(Request.retrieve(CSE, AE)).content().get("m2m:cb").get("srt")).contains("9"),
                    "a slice does not list <group> as supported");
        }
    }

    @Test
    void membershipSurvivesARestartOfADurableStore() {
        String ri;
        try (WalResourceStore store = WalResourceStore.open(dir, FsyncPolicy.ALWAYS, 0)) {
            CseEngine engine = new CseEngine(CseConfig.defaults(CSI, CSE), store, new Fixture.RecordingSender());
            engine.handle(Request.create(CSE, AE, 2,
                    body("m2m:ae", "{\"rn\":\"grpApp\",\"api\":\"Nedge.test.app\",\"rr\":true,\"srv\":[\"3\"]}")));
            ri = engine.handle(Request.create(AE_PATH, AE, 3, body("m2m:cnt", "{\"rn\":\"c\"}")))
                    .content().get("m2m:cnt").get("ri").asText();
            assertRsc(ResponseStatusCode.CREATED, engine.handle(Request.create(AE_PATH, AE, 9,
                    body("m2m:grp", "{\"rn\":\"g\",\"mt\":3,\"mnm\":2,\"mid\":[\"" + ri + "\"]}"))));
            engine.close();
        }
        try (WalResourceStore store = WalResourceStore.open(dir, FsyncPolicy.ALWAYS, 0)) {
            CseEngine engine = new CseEngine(CseConfig.defaults(CSI, CSE), store, new Fixture.RecordingSender());
            assertRsc(ResponseStatusCode.DELETED, engine.handle(Request.delete(ri, AE)));
            JsonNode g = engine.handle(Request.retrieve(AE_PATH + "/g", AE)).content().get("m2m:grp");
            assertEquals(0, g.get("cnm").asInt(), "the index of members was rebuilt from the store: " + g);
            engine.close();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}
