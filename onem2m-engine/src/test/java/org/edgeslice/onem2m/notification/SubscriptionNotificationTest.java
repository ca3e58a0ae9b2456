package org.edgeslice.onem2m.notification;

import static org.edgeslice.onem2m.Fixture.CSE;
import static org.edgeslice.onem2m.Fixture.assertRsc;
import static org.edgeslice.onem2m.Fixture.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.edgeslice.onem2m.Fixture;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.procedure.CseConfig;
import org.edgeslice.onem2m.procedure.CseEngine;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;
import org.edgeslice.onem2m.store.InMemoryResourceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscriptions with notifications delivered over real HTTP to a receiver on 127.0.0.1. */
class SubscriptionNotificationTest {
    private LocalReceiver receiver;
    private CseEngine engine;
    private HttpNotificationSender sender;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new LocalReceiver();
        // generous timeouts: a verification is a synchronous round trip inside CREATE, on a machine that may be busy
        sender = new HttpNotificationSender(Duration.ofSeconds(5), Duration.ofSeconds(10), "3");
        engine = new CseEngine(CseConfig.defaults(Fixture.CSI, CSE), new InMemoryResourceStore(), sender);
        engine.handle(Request.create(CSE, "Cdev", 2,
                body("m2m:ae", "{\"rn\":\"dev\",\"api\":\"Na.b.c\",\"rr\":true,\"srv\":[\"3\"]}")));
        engine.handle(Request.create(CSE + "/dev", "Cdev", 3, body("m2m:cnt", "{\"rn\":\"temp\"}")));
    }

    @AfterEach
    void tearDown() {
        engine.close();
        receiver.close();
    }

    private Response subscribe(String json) {
        return engine.handle(Request.create(CSE + "/dev/temp", "Cdev", 23, body("m2m:sub", json)));
    }

    @Test
    void createSendsVerificationRequestWithSpRelativeSubscriptionReference() throws Exception {
        Response r = subscribe("{\"rn\":\"s\",\"nu\":[\"" + receiver.url() + "\"],\"enc\":{\"net\":[3]}}");
        assertRsc(ResponseStatusCode.CREATED, r);
        LocalReceiver.Received vrq = receiver.next();
        JsonNode sgn = vrq.body().get("m2m:sgn");
        assertTrue(sgn.get("vrq").asBoolean());
        assertEquals("/id-mn/" + r.content().get("m2m:sub").get("ri").asText(), sgn.get("sur").asText());
        assertEquals("/id-mn", vrq.headers().get("x-m2m-origin"));
        assertTrue(vrq.headers().get("content-type").startsWith("application/json"));
        assertFalse(vrq.headers().get("content-type").contains("ty="));
        assertTrue(vrq.headers().containsKey("x-m2m-ri"));
    }

    @Test
    void rejectedVerificationFailsTheCreateWith5204() {
        receiver.answer = 4103;
        Response r = subscribe("{\"rn\":\"s\",\"nu\":[\"" + receiver.url() + "\"]}");
        assertRsc(ResponseStatusCode.SUBSCRIPTION_VERIFICATION_INITIATION_FAILED, r);
        assertRsc(ResponseStatusCode.NOT_FOUND, engine.handle(Request.retrieve(CSE + "/dev/temp/s", "Cdev")));
    }

    @Test
    void unreachableTargetFailsTheCreateWith5204() {
        Response r = subscribe("{\"nu\":[\"http://127.0.0.1:1/nobody\"]}");
        assertRsc(ResponseStatusCode.SUBSCRIPTION_VERIFICATION_INITIATION_FAILED, r);
    }

    @Test
    void childCreationNotifiesWithTheNewInstance() throws Exception {
        subscribe("{\"rn\":\"s\",\"nu\":[\"" + receiver.url() + "\"],\"enc\":{\"net\":[3]}}");
        receiver.next(); // verification
        engine.handle(Request.create(CSE + "/dev/temp", "Cdev", 4, body("m2m:cin", "{\"con\":\"23.1\"}")));
        JsonNode sgn = receiver.next().body().get("m2m:sgn");
        assertEquals(3, sgn.get("nev").get("net").asInt());
        assertEquals("23.1", sgn.get("nev").get("rep").get("m2m:cin").get("con").asText());
    }

    @Test
    void defaultEventIsUpdateOfTheResourceAndResourceIdContentType() throws Exception {
        subscribe("{\"rn\":\"s\",\"nu\":[\"" + receiver.url() + "\"],\"nct\":3}");
        receiver.next();
        engine.handle(Request.create(CSE + "/dev/temp", "Cdev", 4, body("m2m:cin", "{\"con\":\"x\"}")));
        engine.handle(Request.update(CSE + "/dev/temp", "Cdev", body("m2m:cnt", "{\"lbl\":[\"k\"]}")));
        JsonNode sgn = receiver.next().body().get("m2m:sgn");
        assertEquals(1, sgn.get("nev").get("net").asInt());
        assertTrue(sgn.get("nev").get("rep").get("m2m:uri").asText().startsWith("cnt"));
        assertNull(receiver.received.poll(300, TimeUnit.MILLISECONDS)); // the CIN create was not notified
    }

    private int instances;

    /** Creates n instances whose con counts on from the last call's: 0, 1, 2, ... */
    private void createInstances(int n) {
        for (int i = 0; i < n; i++) {
            engine.handle(Request.create(CSE + "/dev/temp", "Cdev", 4,
                    body("m2m:cin", "{\"con\":\"" + instances++ + "\"}")));
        }
    }

    private static List<String> contents(JsonNode agn) {
        List<String> out = new ArrayList<>();
        agn.get("m2m:agn").get("m2m:sgn").forEach(s -> out.add(s.at("/nev/rep/m2m:cin/con").asText()));
        return out;
    }

    @Test
    void batchNotifySendsNumNotificationsAsOneAggregatedNotification() throws Exception {
        assertRsc(ResponseStatusCode.CREATED, subscribe("{\"rn\":\"s\",\"nu\":[\"" + receiver.url()
                + "\"],\"enc\":{\"net\":[3]},\"bn\":{\"num\":2,\"dur\":\"PT30S\"}}"));
        receiver.next(); // verification, not batched
        createInstances(5);
        assertEquals(List.of("0", "1"), contents(receiver.next().body()));
        assertEquals(List.of("2", "3"), contents(receiver.next().body()));
        assertNull(receiver.received.poll(300, TimeUnit.MILLISECONDS), "the fifth waits for a sixth or for dur");
        assertRsc(ResponseStatusCode.DELETED, engine.handle(Request.delete(CSE + "/dev/temp/s", "Cdev")));
        assertEquals(List.of("4"), contents(receiver.next().body()), "a deleted subscription sends what waits");
    }

    @Test
    void drainingSendsWhatWaitsInBatches() throws Exception {
        subscribe("{\"rn\":\"s\",\"nu\":[\"" + receiver.url()
                + "\"],\"enc\":{\"net\":[3]},\"bn\":{\"num\":10,\"dur\":\"PT1H\"}}");
        receiver.next();
        createInstances(2);
        engine.drainNotifications(5000);
        assertEquals(List.of("0", "1"), contents(receiver.next().body()), "a slice that terminates loses nothing");
    }

    @Test
    void batchNotifySendsWhatWaitsWhenDurHasPassed() throws Exception {
        subscribe("{\"rn\":\"s\",\"nu\":[\"" + receiver.url()
                + "\"],\"enc\":{\"net\":[3]},\"bn\":{\"num\":10,\"dur\":\"PT0.4S\"}}");
        receiver.next();
        long t0 = System.nanoTime();
        createInstances(3);
        JsonNode agn = receiver.next().body();
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(List.of("0", "1", "2"), contents(agn));
        assertTrue(waited >= 350, "sent when dur had passed, not before: " + waited + " ms");
        // an UPDATE that changes the batching sends what waits under the old one
        createInstances(1);
        assertRsc(ResponseStatusCode.UPDATED, engine.handle(Request.update(CSE + "/dev/temp/s", "Cdev",
                body("m2m:sub", "{\"bn\":null}"))));
        assertEquals(List.of("3"), contents(receiver.next().body()));
        createInstances(1);
        assertEquals("4", receiver.next().body().at("/m2m:sgn/nev/rep/m2m:cin/con").asText(), "no batching any more");
    }

    @Test
    void rateLimitLetsMnnNotificationsLeavePerWindowAndTheRestLaterInOrder() throws Exception {
        subscribe("{\"rn\":\"s\",\"nu\":[\"" + receiver.url()
                + "\"],\"enc\":{\"net\":[3]},\"rl\":{\"mnn\":2,\"tww\":\"PT0.5S\"}}");
        receiver.next();
        long t0 = System.nanoTime();
        createInstances(5);
        List<String> got = new ArrayList<>();
        List<Long> at = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            got.add(receiver.next().body().at("/m2m:sgn/nev/rep/m2m:cin/con").asText());
            at.add((System.nanoTime() - t0) / 1_000_000);
        }
        assertEquals(List.of("0", "1", "2", "3", "4"), got, "in order");
        assertTrue(at.get(2) >= 450 && at.get(4) >= 950, "two per half second: " + at);
    }

    @Test
    void batchesCountAsOneNotificationForTheRateLimit() throws Exception {
        subscribe("{\"rn\":\"s\",\"nu\":[\"" + receiver.url() + "\"],\"enc\":{\"net\":[3]},"
                + "\"bn\":{\"num\":2},\"rl\":{\"mnn\":1,\"tww\":\"PT0.5S\"}}");
        receiver.next();
        long t0 = System.nanoTime();
        createInstances(4);
        assertEquals(List.of("0", "1"), contents(receiver.next().body()));
        assertEquals(List.of("2", "3"), contents(receiver.next().body()));
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 450, "the second batch waited for the next window");
    }

    @Test
    void deletingTheSubscriptionSendsSubscriptionDeletionToSu() throws Exception {
        subscribe("{\"rn\":\"s\",\"nu\":[\"" + receiver.url() + "\"],\"su\":\"" + receiver.url() + "\"}");
        receiver.next();
        assertRsc(ResponseStatusCode.DELETED, engine.handle(Request.delete(CSE + "/dev/temp/s", "Cdev")));
        JsonNode sgn = receiver.next().body().get("m2m:sgn");
        assertTrue(sgn.get("sud").asBoolean());
    }

    @Test
    void deletingTheSubscribedResourceNotifiesDeletionAndRemovesTheSubscription() throws Exception {
        subscribe("{\"rn\":\"s\",\"nu\":[\"" + receiver.url() + "\"],\"enc\":{\"net\":[2]},\"su\":\""
                + receiver.url() + "\"}");
        receiver.next();
        engine.handle(Request.delete(CSE + "/dev/temp", "Cdev"));
        JsonNode first = receiver.next().body().get("m2m:sgn");
        JsonNode second = receiver.next().body().get("m2m:sgn");
        assertEquals(2, first.get("nev").get("net").asInt());
        assertTrue(second.get("sud").asBoolean());
    }

    @Test
    void expirationCounterRemovesTheSubscriptionAfterThatManyNotifications() throws Exception {
        subscribe("{\"rn\":\"s\",\"nu\":[\"" + receiver.url() + "\"],\"enc\":{\"net\":[3]},\"exc\":2}");
        receiver.next();
        for (int i = 0; i < 2; i++) {
            engine.handle(Request.create(CSE + "/dev/temp", "Cdev", 4, body("m2m:cin", "{\"con\":\"x\"}")));
        }
        receiver.next();
        receiver.next();
        engine.drainNotifications(2000);
        // the removal follows the last delivery on the notification thread: wait for it rather than for the queue
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (engine.handle(Request.retrieve(CSE + "/dev/temp/s", "Cdev")).rsc() != ResponseStatusCode.NOT_FOUND
                && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertRsc(ResponseStatusCode.NOT_FOUND, engine.handle(Request.retrieve(CSE + "/dev/temp/s", "Cdev")));
    }

    @Test
    void failedDeliveryIsRetried() throws Exception {
        subscribe("{\"rn\":\"s\",\"nu\":[\"" + receiver.url() + "\"],\"enc\":{\"net\":[3]}}");
        receiver.next();
        receiver.failNext.set(1);
        engine.handle(Request.create(CSE + "/dev/temp", "Cdev", 4, body("m2m:cin", "{\"con\":\"r\"}")));
        JsonNode firstTry = receiver.next().body();
        JsonNode retry = receiver.next().body();
        assertEquals(firstTry, retry);
    }

    @Test
    void aeResourceIdAsNotificationTargetNeedsNotifyPrivilegeAndUsesItsPointOfAccess() throws Exception {
        engine.handle(Request.create(CSE, "Clistener", 2, body("m2m:ae",
                "{\"rn\":\"listener\",\"api\":\"Na.b.c\",\"rr\":true,\"srv\":[\"3\"],\"poa\":[\"" + receiver.url() + "\"]}")));
        // Cdev may not have the CSE notify somebody else's AE
        assertRsc(ResponseStatusCode.SUBSCRIPTION_CREATOR_HAS_NO_PRIVILEGE,
                subscribe("{\"nu\":[\"Clistener\"],\"enc\":{\"net\":[3]}}"));
        assertNull(receiver.received.poll(200, TimeUnit.MILLISECONDS), "refused before any verification request");
        // the listener lets Cdev notify it
        Response acp = engine.handle(Request.create(CSE + "/listener", "Clistener", 1, body("m2m:acp",
                "{\"rn\":\"notifiers\",\"pv\":{\"acr\":[{\"acor\":[\"Cdev\"],\"acop\":16},"
                        + "{\"acor\":[\"Clistener\"],\"acop\":63}]},"
                        + "\"pvs\":{\"acr\":[{\"acor\":[\"Clistener\"],\"acop\":63}]}}")));
        assertRsc(ResponseStatusCode.CREATED, acp);
        assertRsc(ResponseStatusCode.UPDATED, engine.handle(Request.update(CSE + "/listener", "Clistener",
                body("m2m:ae", "{\"acpi\":[\"" + acp.content().get("m2m:acp").get("ri").asText() + "\"]}"))));
        Response r = subscribe("{\"nu\":[\"Clistener\"],\"enc\":{\"net\":[3]}}");
        assertRsc(ResponseStatusCode.CREATED, r);
        assertTrue(receiver.next().body().get("m2m:sgn").get("vrq").asBoolean());
    }

    @Test
    void subscriptionUnderInstanceIsInvalidChild() {
        engine.handle(Request.create(CSE + "/dev/temp", "Cdev", 4, body("m2m:cin", "{\"rn\":\"c\",\"con\":\"x\"}")));
        Response r = engine.handle(Request.create(CSE + "/dev/temp/c", "Cdev", 23,
                body("m2m:sub", "{\"nu\":[\"" + receiver.url() + "\"]}")));
        assertRsc(ResponseStatusCode.INVALID_CHILD_RESOURCE_TYPE, r);
    }

    @Test
    void missingNuIsBadRequest() {
        assertRsc(ResponseStatusCode.BAD_REQUEST, subscribe("{\"enc\":{\"net\":[3]}}"));
    }

    @Test
    void notifyForAnAeIsForwardedToItsPointOfAccess() throws Exception {
        engine.handle(Request.create(CSE, "Clistener", 2, body("m2m:ae",
                "{\"rn\":\"listener\",\"api\":\"Na.b.c\",\"rr\":true,\"srv\":[\"3\"],\"poa\":[\"" + receiver.url() + "\"]}")));
        JsonNode sgn = Fixture.parse("{\"m2m:sgn\":{\"nev\":{\"net\":3},\"sur\":\"/id-in/sub1\"}}");
        Response r = engine.handle(new Request(org.edgeslice.onem2m.common.Operation.NOTIFY, CSE + "/listener",
                "Clistener", "n1", "3", null, sgn, null, 0, org.edgeslice.onem2m.discovery.FilterCriteria.NONE, 1));
        assertRsc(ResponseStatusCode.OK, r);
        assertEquals(sgn, receiver.next().body());
    }

    @Test
    void notifyForAContainerIsBadRequest() {
        JsonNode sgn = Fixture.parse("{\"m2m:sgn\":{\"vrq\":true}}");
        Response r = engine.handle(new Request(org.edgeslice.onem2m.common.Operation.NOTIFY, CSE + "/dev/temp",
                "Cdev", "n1", "3", null, sgn, null, 0, org.edgeslice.onem2m.discovery.FilterCriteria.NONE, 1));
        assertRsc(ResponseStatusCode.BAD_REQUEST, r);
    }

    @Test
    void forwardedNotifyKeepsItsOriginatorAndCarriesTheTargetsHighestRelease() throws Exception {
        engine.handle(Request.create(CSE, "Crvi", 2, body("m2m:ae",
                "{\"rn\":\"rvi\",\"api\":\"Na.b.c\",\"rr\":true,\"srv\":[\"2\",\"2a\"],\"poa\":[\""
                        + receiver.url() + "\"]}")));
        JsonNode sgn = Fixture.parse("{\"m2m:sgn\":{\"nev\":{\"rep\":{},\"net\":1}}}");
        Response r = engine.handle(new Request(org.edgeslice.onem2m.common.Operation.NOTIFY, CSE + "/rvi",
                "Crvi", "n1", "3", null, sgn, null, 0, org.edgeslice.onem2m.discovery.FilterCriteria.NONE, 1));
        assertRsc(ResponseStatusCode.OK, r);
        LocalReceiver.Received got = receiver.next();
        assertEquals("Crvi", got.headers().get("x-m2m-origin"));
        assertEquals("2a", got.headers().get("x-m2m-rvi"));
    }

    @Test
    void forwardedNotifyToAnAeWithoutSrvUsesTheSendersDefaultRelease() throws Exception {
        engine.handle(Request.create(CSE, "Cold", 2, body("m2m:ae",
                "{\"rn\":\"old\",\"api\":\"Na.b.c\",\"rr\":true,\"srv\":[\"3\"],\"poa\":[\"" + receiver.url()
                        + "\"]}")));
        // srv removed: an AE registered before release 3 has none
        assertRsc(ResponseStatusCode.UPDATED, engine.handle(Request.update(CSE + "/old", "Cold",
                body("m2m:ae", "{\"srv\":null}"))));
        JsonNode sgn = Fixture.parse("{\"m2m:sgn\":{\"nev\":{\"rep\":{},\"net\":1}}}");
        Response r = engine.handle(new Request(org.edgeslice.onem2m.common.Operation.NOTIFY, CSE + "/old",
                Fixture.ADMIN, "n1", null, null, sgn, null, 0, org.edgeslice.onem2m.discovery.FilterCriteria.NONE, 1));
        assertRsc(ResponseStatusCode.OK, r);
        LocalReceiver.Received got = receiver.next();
        assertEquals(Fixture.ADMIN, got.headers().get("x-m2m-origin"));
        assertEquals("3", got.headers().get("x-m2m-rvi"));
    }
}
