package org.edgeslice.onem2m.procedure;

import static org.edgeslice.onem2m.Fixture.CSE;
import static org.edgeslice.onem2m.Fixture.assertRsc;
import static org.edgeslice.onem2m.Fixture.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.edgeslice.onem2m.Fixture;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContainerAndInstanceTest {
    private static final String AE = "Cdev";
    private static final String AE_PATH = CSE + "/dev";
    private final Fixture f = new Fixture();

    @BeforeEach
    void register() {
        f.registerAe(AE, "dev");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private JsonNode container(String path) {
        return f.send(Request.retrieve(path, AE)).content().get("m2m:cnt");
    }

    @Test
    void containerStartsEmptyWithCountersZero() {
        Response r = f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\",\"mni\":5}");
        assertRsc(ResponseStatusCode.CREATED, r);
        JsonNode cnt = r.content().get("m2m:cnt");
        assertEquals(0, cnt.get("cni").asInt());
        assertEquals(0, cnt.get("cbs").asInt());
        assertEquals(0, cnt.get("st").asInt());
        assertEquals(5, cnt.get("mni").asInt());
        assertTrue(cnt.get("ri").asText().startsWith("cnt"));
    }

    @Test
    void duplicateContainerNameIsConflict() {
        f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\"}");
        assertRsc(ResponseStatusCode.CONFLICT, f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\"}"));
    }

    @Test
    void containerCountersAreNotWritable() {
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.createContainer(AE_PATH, AE, "{\"rn\":\"t\",\"cni\":3}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.createContainer(AE_PATH, AE, "{\"rn\":\"t\",\"mni\":-1}"));
    }

    @Test
    void creatingInstancesUpdatesCountersAndStateTag() {
        f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\"}");
        Response cin = f.createInstance(AE_PATH + "/temp", AE, "21.5");
        assertRsc(ResponseStatusCode.CREATED, cin);
        assertEquals(4, cin.content().get("m2m:cin").get("cs").asInt());
        f.createInstance(AE_PATH + "/temp", AE, "22");
        JsonNode cnt = container(AE_PATH + "/temp");
        assertEquals(2, cnt.get("cni").asInt());
        assertEquals(6, cnt.get("cbs").asInt());
        assertEquals(2, cnt.get("st").asInt());
    }

    @Test
    void mniEvictsOldestInstancesFirst() {
        f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\",\"mni\":2}");
        for (int i = 1; i <= 4; i++) {
            f.createInstance(AE_PATH + "/temp", AE, "v" + i);
        }
        assertEquals(2, container(AE_PATH + "/temp").get("cni").asInt());
        assertEquals("v3", f.send(Request.retrieve(AE_PATH + "/temp/ol", AE)).content().get("m2m:cin").get("con").asText());
        assertEquals("v4", f.send(Request.retrieve(AE_PATH + "/temp/la", AE)).content().get("m2m:cin").get("con").asText());
    }

    @Test
    void mbsEvictsOldestUntilTheNewInstanceFits() {
        f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\",\"mbs\":10}");
        f.createInstance(AE_PATH + "/temp", AE, "aaaa");
        f.createInstance(AE_PATH + "/temp", AE, "bbbb");
        f.createInstance(AE_PATH + "/temp", AE, "cccccc");
        JsonNode cnt = container(AE_PATH + "/temp");
        assertEquals(2, cnt.get("cni").asInt());
        assertEquals(10, cnt.get("cbs").asInt());
        assertEquals("bbbb", f.send(Request.retrieve(AE_PATH + "/temp/ol", AE)).content().get("m2m:cin").get("con").asText());
    }

    @Test
    void instanceLargerThanMbsIsNotAcceptable() {
        f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\",\"mbs\":3}");
        assertRsc(ResponseStatusCode.NOT_ACCEPTABLE, f.createInstance(AE_PATH + "/temp", AE, "toolong"));
    }

    @Test
    void loweringMniByUpdateEvictsAtOnce() {
        f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\"}");
        for (int i = 1; i <= 5; i++) {
            f.createInstance(AE_PATH + "/temp", AE, "v" + i);
        }
        assertRsc(ResponseStatusCode.UPDATED, f.send(Request.update(AE_PATH + "/temp", AE, body("m2m:cnt", "{\"mni\":1}"))));
        assertEquals(1, container(AE_PATH + "/temp").get("cni").asInt());
        assertEquals("v5", f.send(Request.retrieve(AE_PATH + "/temp/ol", AE)).content().get("m2m:cin").get("con").asText());
    }

    @Test
    void instanceIsImmutable() {
        f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\"}");
        f.send(Request.create(AE_PATH + "/temp", AE, 4, body("m2m:cin", "{\"rn\":\"c1\",\"con\":\"x\"}")));
        assertRsc(ResponseStatusCode.OPERATION_NOT_ALLOWED,
                f.send(Request.update(AE_PATH + "/temp/c1", AE, body("m2m:cin", "{\"con\":\"y\"}"))));
    }

    @Test
    void instanceNeedsContent() {
        f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\"}");
        assertRsc(ResponseStatusCode.BAD_REQUEST,
                f.send(Request.create(AE_PATH + "/temp", AE, 4, body("m2m:cin", "{\"cnf\":\"text/plain:0\"}"))));
    }

    @Test
    void instanceOnlyUnderContainerAndNothingUnderInstance() {
        assertRsc(ResponseStatusCode.INVALID_CHILD_RESOURCE_TYPE, f.createInstance(AE_PATH, AE, "x"));
        f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\"}");
        f.send(Request.create(AE_PATH + "/temp", AE, 4, body("m2m:cin", "{\"rn\":\"c1\",\"con\":\"x\"}")));
        assertRsc(ResponseStatusCode.INVALID_CHILD_RESOURCE_TYPE, f.createContainer(AE_PATH + "/temp/c1", AE, "{}"));
    }

    @Test
    void nestedContainersAreAllowed() {
        f.createContainer(AE_PATH, AE, "{\"rn\":\"outer\"}");
        assertRsc(ResponseStatusCode.CREATED, f.createContainer(AE_PATH + "/outer", AE, "{\"rn\":\"inner\"}"));
        assertRsc(ResponseStatusCode.OK, f.send(Request.retrieve(AE_PATH + "/outer/inner", AE)));
    }

    @Test
    void latestAndOldestOfEmptyContainerAreNotFound() {
        f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\"}");
        assertRsc(ResponseStatusCode.NOT_FOUND, f.send(Request.retrieve(AE_PATH + "/temp/la", AE)));
        assertRsc(ResponseStatusCode.NOT_FOUND, f.send(Request.retrieve(AE_PATH + "/temp/ol", AE)));
    }

    @Test
    void createAndUpdateOnLatestAreNotAllowed() {
        f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\"}");
        f.createInstance(AE_PATH + "/temp", AE, "x");
        assertRsc(ResponseStatusCode.OPERATION_NOT_ALLOWED, f.createInstance(AE_PATH + "/temp/la", AE, "y"));
        assertRsc(ResponseStatusCode.OPERATION_NOT_ALLOWED,
                f.send(Request.update(AE_PATH + "/temp/la", AE, body("m2m:cin", "{\"con\":\"z\"}"))));
    }

    @Test
    void deletingLatestRemovesNewestAndAdjustsCounters() {
        f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\"}");
        f.createInstance(AE_PATH + "/temp", AE, "old");
        f.createInstance(AE_PATH + "/temp", AE, "new");
        assertRsc(ResponseStatusCode.DELETED, f.send(Request.delete(AE_PATH + "/temp/la", AE)));
        assertEquals("old", f.send(Request.retrieve(AE_PATH + "/temp/la", AE)).content().get("m2m:cin").get("con").asText());
        assertEquals(1, container(AE_PATH + "/temp").get("cni").asInt());
        assertEquals(3, container(AE_PATH + "/temp").get("cbs").asInt());
    }

    @Test
    void latestIsReachableThroughUnstructuredContainerId() {
        String ri = f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\"}").content().get("m2m:cnt").get("ri").asText();
        f.createInstance(ri, AE, "x");
        assertEquals("x", f.send(Request.retrieve(ri + "/la", AE)).content().get("m2m:cin").get("con").asText());
    }

    @Test
    void reservedNamesAreRejected() {
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.createContainer(AE_PATH, AE, "{\"rn\":\"la\"}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.createContainer(AE_PATH, AE, "{\"rn\":\"a/b\"}"));
    }

    @Test
    void miaRemovesAgedInstancesOnHousekeeping() throws Exception {
        f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\",\"mia\":1}");
        f.createInstance(AE_PATH + "/temp", AE, "x");
        assertEquals(0, f.engine.sweepExpired());
        Thread.sleep(1300);
        assertEquals(1, f.engine.sweepExpired());
        assertEquals(0, container(AE_PATH + "/temp").get("cni").asInt());
    }

    @Test
    void cseBaseCannotBeUpdatedOrDeleted() {
        assertRsc(ResponseStatusCode.OPERATION_NOT_ALLOWED, f.send(Request.delete(CSE, Fixture.ADMIN)));
        assertRsc(ResponseStatusCode.OPERATION_NOT_ALLOWED,
                f.send(Request.update(CSE, Fixture.ADMIN, body("m2m:cb", "{\"lbl\":[\"x\"]}"))));
    }

    @Test
    void createWithWrongRootElementIsBadRequest() {
        assertRsc(ResponseStatusCode.BAD_REQUEST, f.send(Request.create(AE_PATH, AE, 3, body("m2m:cin", "{\"con\":\"x\"}"))));
    }

    private Response createInstanceWith(String json) {
        return f.send(Request.create(AE_PATH + "/temp", AE, 4, body("m2m:cin", json)));
    }

    @Test
    void instanceWithDeletionCountIsDeletedByTheRetrieveThatUsesItUp() {
        f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\"}");
        Response c = createInstanceWith("{\"rn\":\"once\",\"con\":\"v\",\"dcnt\":3}");
        assertRsc(ResponseStatusCode.CREATED, c);
        assertEquals(3, c.content().get("m2m:cin").get("dcnt").asInt());
        for (int expected = 3; expected >= 1; expected--) {
            // la counts like a direct retrieve: it retrieves the same instance
            String to = expected == 2 ? AE_PATH + "/temp/la" : AE_PATH + "/temp/once";
            Response r = f.send(Request.retrieve(to, AE));
            assertRsc(ResponseStatusCode.OK, r);
            assertEquals(expected, r.content().get("m2m:cin").get("dcnt").asInt());
        }
        assertRsc(ResponseStatusCode.NOT_FOUND, f.send(Request.retrieve(AE_PATH + "/temp/once", AE)));
        JsonNode cnt = container(AE_PATH + "/temp");
        assertEquals(0, cnt.get("cni").asInt());
        assertEquals(0, cnt.get("cbs").asInt());
    }

    @Test
    void discoveryDoesNotCountTowardsDeletion() {
        f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\"}");
        assertRsc(ResponseStatusCode.CREATED, createInstanceWith("{\"rn\":\"once\",\"con\":\"v\",\"dcnt\":1}"));
        f.send(Request.discover(AE_PATH + "/temp", AE, org.edgeslice.onem2m.discovery.FilterCriteria.NONE));
        Response r = f.send(Request.retrieve(AE_PATH + "/temp/once", AE));
        assertRsc(ResponseStatusCode.OK, r);
        assertEquals(1, r.content().get("m2m:cin").get("dcnt").asInt());
        assertRsc(ResponseStatusCode.NOT_FOUND, f.send(Request.retrieve(AE_PATH + "/temp/once", AE)));
    }

    @Test
    void zeroDeletionCountIsBadRequest() {
        f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\"}");
        assertRsc(ResponseStatusCode.BAD_REQUEST, createInstanceWith("{\"con\":\"v\",\"dcnt\":0}"));
    }

    @Test
    void custodianIsAcceptedOnContainersAndInstances() {
        Response c = f.createContainer(AE_PATH, AE, "{\"rn\":\"temp\",\"cstn\":\"Cdev\"}");
        assertRsc(ResponseStatusCode.CREATED, c);
        assertEquals("Cdev", c.content().get("m2m:cnt").get("cstn").asText());
        assertRsc(ResponseStatusCode.CREATED, createInstanceWith("{\"con\":\"v\",\"cstn\":\"Cdev\"}"));
        assertRsc(ResponseStatusCode.BAD_REQUEST, createInstanceWith("{\"con\":\"v\",\"cstn\":5}"));
    }
}
