package org.edgeslice.mep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.edgeslice.testkit.Deployments;
import org.edgeslice.testkit.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ETSI GS MEC 011 service management through Mp1: service registration and its transport resolution,
 * discovery with every query parameter, ETag/If-Match, availability notifications to a real callback receiver
 * (including retries), and liveness with suspension.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServiceManagementIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployed;

    private TestApps.TestApp app(String name) {
        return new TestApps(Deployments.loopback(deployed)).registered(name);
    }

    private static String service(String name, String state, String extra) {
        return """
                {"serName":"%s","version":"1.0","state":"%s","serializer":"JSON","transportId":"rest-http"%s}
                """.formatted(name, state, extra);
    }

    private static JsonNode create(TestApps.TestApp app, String body) {
        Http.Reply r = app.api().post(app.serviceMgmt() + "/services", body);
        assertEquals(201, r.status(), r.toString());
        return r.json();
    }

    private static Predicate<JsonNode> change(String serInstanceId, String changeType) {
        return n -> n.at("/serviceReferences/0/serInstanceId").asText().equals(serInstanceId)
                && n.at("/serviceReferences/0/changeType").asText().equals(changeType);
    }

    @Test
    void aServiceIsRegisteredWithAPlatformTransport() {
        TestApps.TestApp app = app("producer");
        Http.Reply r = app.api().post(app.serviceMgmt() + "/services", service("temperature", "INACTIVE",
                ",\"serInstanceId\":\"chosen-by-app\""));
        assertEquals(201, r.status(), r.toString());
        String id = r.json().get("serInstanceId").asText();
        assertFalse(id.equals("chosen-by-app"), "the platform assigns serInstanceId");
        assertTrue(r.header("Location").orElse("").endsWith(app.serviceMgmt() + "/services/" + id), r.toString());
        assertEquals("REST_HTTP", r.json().at("/transportInfo/type").asText(), "transportId resolved");
        assertTrue(r.json().at("/transportInfo/security/oAuth2Info/tokenEndpoint").asText().endsWith("/oauth2/token"));
        assertEquals("INACTIVE", r.json().get("state").asText());
        assertTrue(r.json().at("/_links/self/href").asText().endsWith("/mec_service_mgmt/v1/services/" + id));

        assertEquals(200, app.api().get("mec_service_mgmt/v1/services/" + id).status());
        assertEquals(200, app.api().get(app.serviceMgmt() + "/services/" + id).status());
        assertEquals(404, app.api().get("mec_service_mgmt/v1/services/nope").status());
    }

    @Test
    void invalidServicesAre400AndNotRegistered() {
        TestApps.TestApp app = app("bad-producer");
        String col = app.serviceMgmt() + "/services";
        String name = "never-" + UUID.randomUUID();
        assertEquals(400, app.api().post(col, "{\"serName\":\"" + name + "\",\"version\":\"1\",\"state\":\"ACTIVE\","
                + "\"serializer\":\"JSON\"}").status(), "no transport");
        assertEquals(400, app.api().post(col, service(name, "ACTIVE", "").replace("rest-http", "carrier-pigeon")).status(),
                "unknown transportId");
        assertEquals(400, app.api().post(col, service(name, "SUSPENDED", "")).status(), "SUSPENDED is the platform's");
        assertEquals(400, app.api().post(col, service(name, "ACTIVE", ",\"instance_id\":\"x\"")).status(), "unknown field");
        assertEquals(400, app.api().post(col, service(name, "ACTIVE", ",\"livenessInterval\":0")).status());
        assertEquals(400, app.api().post(col, service(name, "ACTIVE", "").replace("JSON", "YAML")).status());
        assertEquals(0, app.api().get("mec_service_mgmt/v1/services?ser_name=" + name).json().size());
    }

    @Test
    void discoveryHonoursEveryStandardQueryParameter() {
        TestApps.TestApp app = app("disc");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String a = create(app, service("disc-a-" + tag, "ACTIVE", ",\"isLocal\":true,\"consumedLocalOnly\":true,"
                + "\"scopeOfLocality\":\"MEC_HOST\",\"serCategory\":{\"href\":\"http://127.0.0.1/cat\",\"id\":\"cat-"
                + tag + "\",\"name\":\"sensors\",\"version\":\"1\"}")).get("serInstanceId").asText();
        String b = create(app, service("disc-b-" + tag, "ACTIVE", ",\"isLocal\":false,\"consumedLocalOnly\":false,"
                + "\"scopeOfLocality\":\"ZONE\"")).get("serInstanceId").asText();
        Api api = app.api();
        String names = "ser_name=disc-a-" + tag + ",disc-b-" + tag;
        assertEquals(2, api.get("mec_service_mgmt/v1/services?" + names).json().size());
        assertEquals(2, api.get("mec_service_mgmt/v1/services?ser_name=disc-a-" + tag + "&ser_name=disc-b-" + tag)
                .json().size(), "repeated parameter");
        assertEquals(b, api.get("mec_service_mgmt/v1/services?ser_instance_id=" + b).json().get(0)
                .get("serInstanceId").asText());
        assertEquals(a, api.get("mec_service_mgmt/v1/services?ser_category_id=cat-" + tag).json().get(0)
                .get("serInstanceId").asText());
        assertEquals(1, api.get("mec_service_mgmt/v1/services?" + names + "&is_local=false").json().size());
        assertEquals(1, api.get("mec_service_mgmt/v1/services?" + names + "&consumed_local_only=true").json().size());
        assertEquals(1, api.get("mec_service_mgmt/v1/services?" + names + "&scope_of_locality=ZONE").json().size());
        assertEquals(2, api.get(app.serviceMgmt() + "/services?" + names).json().size(), "the app's own list");

        assertEquals(400, api.get("mec_service_mgmt/v1/services?instance_id=" + a).status(), "undefined parameter");
        assertEquals(400, api.get("mec_service_mgmt/v1/services?ser_name=x&ser_instance_id=y").status(), "exclusive");
        assertEquals(400, api.get("mec_service_mgmt/v1/services?is_local=maybe").status());
        assertEquals(400, api.get("mec_service_mgmt/v1/services?scope_of_locality=GALAXY").status());
        assertEquals(400, api.get(app.serviceMgmt() + "/services?colour=red").status());
    }

    @Test
    void servicePutHonoursIfMatchAndDeleteRemoves() {
        TestApps.TestApp app = app("update");
        JsonNode created = create(app, service("upd-" + UUID.randomUUID(), "ACTIVE", ""));
        String id = created.get("serInstanceId").asText();
        String path = app.serviceMgmt() + "/services/" + id;
        String etag = app.api().get(path).header("ETag").orElseThrow();
        String v2 = created.toString().replace("\"version\":\"1.0\"", "\"version\":\"2.0\"");

        assertEquals(412, app.api().with("If-Match", "\"stale\"").put(path, v2).status());
        assertEquals("1.0", app.api().get(path).json().get("version").asText());
        Http.Reply ok = app.api().with("If-Match", etag).put(path, v2);
        assertEquals(200, ok.status(), ok.toString());
        assertEquals("2.0", ok.json().get("version").asText());
        assertFalse(etag.equals(ok.header("ETag").orElseThrow()));
        assertEquals(400, app.api().put(path, v2.replace(created.get("serName").asText(), "renamed")).status());
        assertEquals(400, app.api().put(path, v2.replace("\"state\":\"ACTIVE\"", "\"state\":\"SUSPENDED\"")).status());

        assertEquals(204, app.api().delete(path).status());
        assertEquals(404, app.api().get(path).status());
        assertEquals(404, app.api().delete(path).status());
    }

    @Test
    void subscribersHearOfEveryMatchingChange() {
        TestApps.TestApp producer = app("notif-producer");
        TestApps.TestApp consumer = app("notif-consumer");
        String name = "notif-" + UUID.randomUUID();
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            Http.Reply sub = consumer.api().post(consumer.serviceMgmt() + "/subscriptions", """
                    {"subscriptionType":"SerAvailabilityNotificationSubscription","callbackReference":"%s",
                     "filteringCriteria":{"serNames":["%s"]}}""".formatted(receiver.url("avail"), name));
            assertEquals(201, sub.status(), sub.toString());
            String subHref = sub.header("Location").orElseThrow();

            JsonNode created = create(producer, service(name, "ACTIVE", ""));
            String id = created.get("serInstanceId").asText();
            JsonNode added = receiver.await(change(id, "ADDED"), WAIT);
            assertEquals("SerAvailabilityNotification", added.get("notificationType").asText());
            assertEquals(subHref, added.at("/_links/subscription/href").asText());
            assertEquals(name, added.at("/serviceReferences/0/serName").asText());
            assertEquals("ACTIVE", added.at("/serviceReferences/0/state").asText());

            String path = producer.serviceMgmt() + "/services/" + id;
            assertEquals(200, producer.api().put(path, created.toString().replace("\"ACTIVE\"", "\"INACTIVE\"")).status());
            assertEquals("INACTIVE", receiver.await(change(id, "STATE_CHANGED"), WAIT)
                    .at("/serviceReferences/0/state").asText());
            JsonNode now = producer.api().get(path).json();
            assertEquals(200, producer.api().put(path, now.toString().replace("\"1.0\"", "\"1.1\"")).status());
            receiver.await(change(id, "ATTRIBUTES_CHANGED"), WAIT);
            create(producer, service("other-" + UUID.randomUUID(), "ACTIVE", ""));
            assertEquals(204, producer.api().delete(path).status());
            receiver.await(change(id, "REMOVED"), WAIT);
            receiver.assertNone(n -> !n.at("/serviceReferences/0/serName").asText().equals(name), Duration.ofMillis(500));

            assertEquals(1, consumer.api().get(consumer.serviceMgmt() + "/subscriptions").json()
                    .at("/_links/subscriptions").size());
            assertEquals(200, consumer.api().get(subHref).status());
            assertEquals(204, consumer.api().delete(subHref).status());
            create(producer, service(name, "ACTIVE", ""));
            receiver.assertNone(n -> true, Duration.ofSeconds(1));
        }
    }

    @Test
    void notificationsAreRetriedUntilDelivered() {
        TestApps.TestApp producer = app("retry-producer");
        TestApps.TestApp consumer = app("retry-consumer");
        String name = "retry-" + UUID.randomUUID();
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            receiver.refuseNext(3);
            assertEquals(201, consumer.api().post(consumer.serviceMgmt() + "/subscriptions", """
                    {"subscriptionType":"SerAvailabilityNotificationSubscription","callbackReference":"%s",
                     "filteringCriteria":{"serNames":["%s"],"states":["ACTIVE"]}}""".formatted(receiver.url("r"), name))
                    .status());
            String id = create(producer, service(name, "ACTIVE", "")).get("serInstanceId").asText();
            receiver.await(change(id, "ADDED"), Duration.ofSeconds(20));
            assertTrue(receiver.attempts() >= 4, "three refusals, then delivered: " + receiver.attempts());
            // the states filter: a change to INACTIVE does not match
            JsonNode info = producer.api().get(producer.serviceMgmt() + "/services/" + id).json();
            assertEquals(200, producer.api().put(producer.serviceMgmt() + "/services/" + id,
                    info.toString().replace("\"ACTIVE\"", "\"INACTIVE\"")).status());
            receiver.assertNone(n -> true, Duration.ofSeconds(1));
        }
    }

    @Test
    void notificationsOfOneSubscriptionArriveInOrderDespiteRetries() {
        TestApps.TestApp producer = app("order-producer");
        TestApps.TestApp consumer = app("order-consumer");
        String name = "order-" + UUID.randomUUID();
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            receiver.refuseNext(2);
            assertEquals(201, consumer.api().post(consumer.serviceMgmt() + "/subscriptions", """
                    {"subscriptionType":"SerAvailabilityNotificationSubscription","callbackReference":"%s",
                     "filteringCriteria":{"serNames":["%s"]}}""".formatted(receiver.url("o"), name)).status());
            JsonNode created = create(producer, service(name, "ACTIVE", ""));
            String id = created.get("serInstanceId").asText();
            String path = producer.serviceMgmt() + "/services/" + id;
            // queued behind the ADDED that is being refused
            assertEquals(200, producer.api().put(path, created.toString().replace("\"ACTIVE\"", "\"INACTIVE\"")).status());
            assertEquals(204, producer.api().delete(path).status());
            Predicate<JsonNode> any = n -> true;
            assertEquals("ADDED", receiver.await(any, WAIT).at("/serviceReferences/0/changeType").asText());
            assertEquals("STATE_CHANGED", receiver.await(any, WAIT).at("/serviceReferences/0/changeType").asText());
            assertEquals("REMOVED", receiver.await(any, WAIT).at("/serviceReferences/0/changeType").asText());
        }
    }

    @Test
    void invalidSubscriptionsAre400() {
        TestApps.TestApp app = app("sub-bad");
        String col = app.serviceMgmt() + "/subscriptions";
        assertEquals(400, app.api().post(col, """
                {"subscriptionType":"AppTerminationNotificationSubscription","callbackReference":"http://127.0.0.1:1/"}""")
                .status(), "wrong type for this API");
        assertEquals(400, app.api().post(col, """
                {"subscriptionType":"SerAvailabilityNotificationSubscription","callbackReference":"http://127.0.0.1:1/",
                 "filteringCriteria":{"serNames":["a"],"serInstanceIds":["b"]}}""").status(), "exclusive criteria");
        assertEquals(400, app.api().post(col, """
                {"subscriptionType":"SerAvailabilityNotificationSubscription","callbackReference":"http://127.0.0.1:1/",
                 "filteringCriteria":{"colours":["red"]}}""").status(), "unknown criterion");
        assertEquals(400, app.api().post(col, """
                {"subscriptionType":"SerAvailabilityNotificationSubscription"}""").status(), "no callback");
        assertEquals(404, app.api().get(col + "/nope").status());
    }

    @Test
    void aServiceThatMissesItsHeartbeatsIsSuspendedAndRecovers() throws InterruptedException {
        TestApps.TestApp producer = app("live-producer");
        TestApps.TestApp consumer = app("live-consumer");
        String name = "live-" + UUID.randomUUID();
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            assertEquals(201, consumer.api().post(consumer.serviceMgmt() + "/subscriptions", """
                    {"subscriptionType":"SerAvailabilityNotificationSubscription","callbackReference":"%s",
                     "filteringCriteria":{"serNames":["%s"]}}""".formatted(receiver.url("l"), name)).status());
            // 4 s: heartbeats every 0.7 s keep it ACTIVE even when a loaded machine delays one by 3 s
            JsonNode created = create(producer, service(name, "ACTIVE", ",\"livenessInterval\":4"));
            String id = created.get("serInstanceId").asText();
            String liveness = created.at("/_links/liveness/href").asText();
            assertTrue(liveness.endsWith("/mec_service_mgmt/v1/services/" + id + "/liveness"), created.toString());
            receiver.await(change(id, "ADDED"), WAIT);

            // heartbeats keep it ACTIVE
            for (int i = 0; i < 4; i++) {
                Http.Reply beat = producer.api().patch(liveness, "{\"state\":\"ACTIVE\"}");
                assertEquals(200, beat.status(), beat.toString());
                assertEquals(4, beat.json().get("interval").asInt());
                Thread.sleep(700);
            }
            assertEquals("ACTIVE", producer.api().get(liveness).json().get("state").asText());
            assertEquals(400, producer.api().patch(liveness, "{\"state\":\"INACTIVE\"}").status());
            assertEquals(400, producer.api().patch(liveness, "{\"status\":\"ACTIVE\"}").status());
            assertEquals(403, consumer.api().patch(liveness, "{\"state\":\"ACTIVE\"}").status(), "not the producer");

            // silence: suspended, and the subscriber hears of it
            JsonNode suspended = receiver.await(change(id, "STATE_CHANGED"), Duration.ofSeconds(20));
            assertEquals("SUSPENDED", suspended.at("/serviceReferences/0/state").asText());
            assertEquals("SUSPENDED", consumer.api().get("mec_service_mgmt/v1/services/" + id).json().get("state").asText());

            // a heartbeat brings it back
            Http.Reply back = producer.api().patch(liveness, "{\"state\":\"ACTIVE\"}");
            assertEquals("ACTIVE", back.json().get("state").asText());
            assertEquals("ACTIVE", receiver.await(change(id, "STATE_CHANGED"), WAIT).at("/serviceReferences/0/state")
                    .asText());
            JsonNode noLiveness = create(producer, service("nolive-" + UUID.randomUUID(), "ACTIVE", ""));
            assertTrue(noLiveness.at("/_links/liveness").isMissingNode(), noLiveness.toString());
            assertEquals(404, producer.api().get("mec_service_mgmt/v1/services/"
                    + noLiveness.get("serInstanceId").asText() + "/liveness").status());
        }
    }
}
