package org.edgeslice.mep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Duration;
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
 * ETSI GS MEC 011 application support through Mp1, with the MEPM's side played over Mm5: registration,
 * confirm_ready, the graceful termination handshake with a real callback receiver, traffic and DNS rules with
 * strong ETags, subscriptions, and removal.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AppSupportIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployed;

    private String base() {
        return Deployments.loopback(deployed);
    }

    private TestApps apps() {
        return new TestApps(base());
    }

    private Http.Reply mm5Status(String id) {
        return Api.mm5(base()).get("mm5/v1/app_instances/" + id);
    }

    // ---- registration ------------------------------------------------------------------------------------------

    @Test
    void registrationIsCreatedReadUpdatedAndDeleted() {
        TestApps.TestApp app = apps().configured("reg");
        assertEquals(404, app.api().get("mec_app_support/v2/registrations/" + app.id()).status());

        Http.Reply created = app.api().post("mec_app_support/v2/registrations", TestApps.registration(app.id()));
        assertEquals(201, created.status(), created.toString());
        assertTrue(created.header("Location").orElse("").endsWith("/mec_app_support/v2/registrations/" + app.id()),
                created.toString());
        assertEquals(app.id(), created.json().get("appInstanceId").asText());
        assertTrue(mm5Status(app.id()).json().get("registered").asBoolean());

        Http.Reply read = app.api().get("mec_app_support/v2/registrations/" + app.id());
        assertEquals(200, read.status(), read.toString());
        assertEquals("test-app", read.json().get("appName").asText());

        Http.Reply updated = app.api().put("mec_app_support/v2/registrations/" + app.id(), """
                {"appName":"renamed-app","appDId":"appd-%s","appInstanceId":"%s"}""".formatted(app.id(), app.id()));
        assertEquals(204, updated.status(), updated.toString());
        assertEquals("renamed-app", app.api().get("mec_app_support/v2/registrations/" + app.id()).json()
                .get("appName").asText());

        Http.Reply deleted = app.api().delete("mec_app_support/v2/registrations/" + app.id());
        assertEquals(204, deleted.status(), deleted.toString());
        assertEquals(404, app.api().get("mec_app_support/v2/registrations/" + app.id()).status());
        assertFalse(mm5Status(app.id()).json().get("registered").asBoolean());
    }

    @Test
    void registrationAlsoWorksUnderV1AndAppInstanceIdMayBeOmitted() {
        TestApps.TestApp app = apps().configured("reg-v1");
        Http.Reply created = app.api().post("mec_app_support/v1/registrations",
                "{\"appName\":\"test-app\",\"appDId\":\"appd-" + app.id() + "\"}");
        assertEquals(201, created.status(), created.toString());
        assertEquals(app.id(), created.json().get("appInstanceId").asText());
    }

    @Test
    void invalidRegistrationsAre400AndChangeNothing() {
        TestApps.TestApp app = apps().configured("reg-bad");
        String path = "mec_app_support/v2/registrations";
        assertEquals(400, app.api().post(path, "{\"appDId\":\"appd-" + app.id() + "\"}").status(), "no appName");
        assertEquals(400, app.api().post(path, "{\"appName\":\"x\"}").status(), "no appDId");
        assertEquals(400, app.api().post(path, "{\"appName\":\"x\",\"isInsByMec\":false}").status(), "no endpoint");
        assertEquals(400, app.api().post(path, "{\"appName\":\"x\",\"appDId\":\"another-appd\"}").status(), "wrong appDId");
        Http.Reply unknown = app.api().post(path, "{\"appName\":\"x\",\"appDId\":\"appd-" + app.id() + "\",\"colour\":1}");
        assertEquals(400, unknown.status(), unknown.toString());
        assertTrue(unknown.json().get("detail").asText().contains("colour"), unknown.body());
        assertEquals(400, app.api().post(path, "{not json").status(), "malformed");
        assertFalse(mm5Status(app.id()).json().get("registered").asBoolean());
    }

    @Test
    void mp1ResourcesOfAnUnregisteredAppAre404() {
        TestApps.TestApp app = apps().configured("unregistered");
        assertEquals(404, app.api().get(app.appSupport() + "/traffic_rules").status());
        assertEquals(404, app.api().post(app.appSupport() + "/confirm_ready", "{\"indication\":\"READY\"}").status());
        assertEquals(404, app.api().get(app.serviceMgmt() + "/services").status());
        Http.Reply unknownApp = app.api().get("mec_app_support/v2/applications/no-such-app/traffic_rules");
        assertEquals(404, unknownApp.status(), unknownApp.toString());
    }

    // ---- confirm_ready -----------------------------------------------------------------------------------------

    @Test
    void confirmReadyIsWhatTheMepmWaitsFor() {
        TestApps.TestApp app = apps().registered("ready");
        assertFalse(mm5Status(app.id()).json().get("readyConfirmed").asBoolean());
        assertEquals(400, app.api().post(app.appSupport() + "/confirm_ready", "{\"indication\":\"SOON\"}").status());
        Http.Reply r = app.api().post(app.appSupport() + "/confirm_ready", "{\"indication\":\"READY\"}");
        assertEquals(204, r.status(), r.toString());
        assertTrue(mm5Status(app.id()).json().get("readyConfirmed").asBoolean());
    }

    // ---- termination handshake -----------------------------------------------------------------------------------

    @Test
    void terminationIsNotifiedAndConfirmedByTheApp() {
        TestApps.TestApp app = apps().registered("term");
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            Http.Reply sub = app.api().post(app.appSupport() + "/subscriptions", """
                    {"subscriptionType":"AppTerminationNotificationSubscription","callbackReference":"%s",
                     "appInstanceId":"%s"}""".formatted(receiver.url("term"), app.id()));
            assertEquals(201, sub.status(), sub.toString());
            String subHref = sub.header("Location").orElseThrow();
            assertEquals(subHref, sub.json().at("/_links/self/href").asText());

            assertEquals(409, app.api().post(app.appSupport() + "/confirm_termination",
                    "{\"operationAction\":\"TERMINATING\"}").status(), "nothing pending yet");

            Http.Reply started = Api.mm5(base()).post("mm5/v1/app_instances/" + app.id() + "/termination",
                    "{\"operationAction\":\"TERMINATING\",\"maxGracefulTimeout\":30}");
            assertEquals(202, started.status(), started.toString());
            assertTrue(started.header("Location").orElse("").endsWith("/termination"), started.toString());
            assertEquals("PENDING", started.json().get("state").asText());

            JsonNode n = receiver.await(j -> true, WAIT);
            assertEquals("AppTerminationNotification", n.get("notificationType").asText());
            assertEquals("TERMINATING", n.get("operationAction").asText());
            assertEquals(30, n.get("maxGracefulTimeout").asInt());
            assertEquals(subHref, n.at("/_links/subscription/href").asText());
            String confirm = n.at("/_links/confirmTermination/href").asText();
            assertTrue(confirm.endsWith(app.appSupport() + "/confirm_termination"), n.toString());

            assertEquals(409, app.api().post(confirm, "{\"operationAction\":\"STOPPING\"}").status(), "wrong action");
            assertEquals(409, app.api().post(app.appSupport() + "/confirm_ready", "{\"indication\":\"READY\"}").status(),
                    "not ready while terminating");
            Http.Reply confirmed = app.api().post(confirm, "{\"operationAction\":\"TERMINATING\"}");
            assertEquals(204, confirmed.status(), confirmed.toString());
            assertEquals("CONFIRMED", Api.mm5(base()).get("mm5/v1/app_instances/" + app.id() + "/termination").json()
                    .get("state").asText());
            assertEquals(409, app.api().post(confirm, "{\"operationAction\":\"TERMINATING\"}").status(), "no longer pending");
        }
    }

    @Test
    void terminationTimesOutWhenTheAppDoesNotConfirm() throws InterruptedException {
        TestApps.TestApp app = apps().registered("term-timeout");
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            assertEquals(201, app.api().post(app.appSupport() + "/subscriptions", """
                    {"subscriptionType":"AppTerminationNotificationSubscription","callbackReference":"%s"}"""
                    .formatted(receiver.url("t"))).status());
            assertEquals(202, Api.mm5(base()).post("mm5/v1/app_instances/" + app.id() + "/termination",
                    "{\"operationAction\":\"STOPPING\",\"maxGracefulTimeout\":1}").status());
            assertEquals("STOPPING", receiver.await(j -> true, WAIT).get("operationAction").asText());
            String state = "PENDING";
            for (int i = 0; i < 50 && state.equals("PENDING"); i++) {
                Thread.sleep(100);
                state = Api.mm5(base()).get("mm5/v1/app_instances/" + app.id() + "/termination").json().get("state").asText();
            }
            assertEquals("TIMED_OUT", state);
            // the app was stopped; started again, it confirms ready and the earlier termination is history
            assertEquals(204, app.api().post(app.appSupport() + "/confirm_ready", "{\"indication\":\"READY\"}").status());
            assertEquals(404, Api.mm5(base()).get("mm5/v1/app_instances/" + app.id() + "/termination").status());
        }
    }

    @Test
    void terminationWithoutSubscribersNeedsNoWaiting() {
        TestApps.TestApp app = apps().registered("term-nosub");
        Http.Reply r = Api.mm5(base()).post("mm5/v1/app_instances/" + app.id() + "/termination",
                "{\"operationAction\":\"TERMINATING\",\"maxGracefulTimeout\":10}");
        assertEquals(202, r.status(), r.toString());
        assertEquals("NOT_SUBSCRIBED", r.json().get("state").asText());
        assertEquals(400, Api.mm5(base()).post("mm5/v1/app_instances/" + app.id() + "/termination",
                "{\"operationAction\":\"EXPLODING\",\"maxGracefulTimeout\":10}").status());
        assertEquals(404, Api.mm5(base()).post("mm5/v1/app_instances/nobody/termination",
                "{\"operationAction\":\"TERMINATING\",\"maxGracefulTimeout\":10}").status());
    }

    // ---- traffic and DNS rules -----------------------------------------------------------------------------------

    @Test
    void rulesComeFromTheMepmConfiguration() {
        TestApps.TestApp app = apps().registered("rules");
        Http.Reply traffic = app.api().get(app.appSupport() + "/traffic_rules");
        assertEquals(200, traffic.status(), traffic.toString());
        assertEquals("tr1", traffic.json().get(0).get("trafficRuleId").asText());
        assertEquals("ACTIVE", traffic.json().get(0).get("state").asText());
        assertEquals("127.0.0.1", traffic.json().get(0).at("/dstInterface/dstIpAddress").asText());
        // MEC 010-2 AppD spellings become MEC 011 ones
        JsonNode tr2 = traffic.json().get(1);
        assertEquals("FORWARD_ENCAPSULATED", tr2.get("action").asText(), tr2.toString());
        assertEquals("slice-7", tr2.at("/trafficFilter/0/token/0").asText(), tr2.toString());
        assertEquals("GTP_U", tr2.at("/dstInterface/tunnelInfo/tunnelType").asText(), tr2.toString());
        Http.Reply dns = app.api().get(app.appSupport() + "/dns_rules");
        assertEquals(200, dns.status(), dns.toString());
        assertEquals("app.edge.local", dns.json().get(0).get("domainName").asText());
        assertEquals(404, app.api().get(app.appSupport() + "/dns_rules/nope").status());
        assertEquals(404, app.api().get(app.appSupport() + "/traffic_rules/nope").status());
    }

    @Test
    void dnsRulePutHonoursIfMatchWithStrongEtags() {
        TestApps.TestApp app = apps().registered("etag-dns");
        String path = app.appSupport() + "/dns_rules/dns1";
        Http.Reply read = app.api().get(path);
        String etag = read.header("ETag").orElseThrow();
        assertTrue(etag.startsWith("\""), etag);
        String inactive = """
                {"dnsRuleId":"dns1","domainName":"app.edge.local","ipAddressType":"IP_V4","ipAddress":"127.0.0.2",
                 "ttl":30,"state":"INACTIVE"}""";

        Http.Reply stale = app.api().with("If-Match", "\"999\"").put(path, inactive);
        assertEquals(412, stale.status(), stale.toString());
        assertTrue(stale.contentType().startsWith("application/problem+json"), stale.toString());
        assertEquals(412, app.api().with("If-Match", "W/" + etag).put(path, inactive).status(), "weak never matches");
        assertEquals("ACTIVE", app.api().get(path).json().get("state").asText(), "nothing changed");

        Http.Reply ok = app.api().with("If-Match", etag).put(path, inactive);
        assertEquals(200, ok.status(), ok.toString());
        assertEquals("INACTIVE", ok.json().get("state").asText());
        String newTag = ok.header("ETag").orElseThrow();
        assertFalse(newTag.equals(etag));
        assertEquals(412, app.api().with("If-Match", etag).put(path, inactive).status(), "the old tag is stale now");
        assertEquals(newTag, app.api().get(path).header("ETag").orElseThrow());
        assertEquals("127.0.0.2", app.api().get(path).json().get("ipAddress").asText());
    }

    @Test
    void trafficRulePutValidatesAndWorksWithoutIfMatch() {
        TestApps.TestApp app = apps().registered("etag-traffic");
        String path = app.appSupport() + "/traffic_rules/tr1";
        String drop = """
                {"trafficRuleId":"tr1","filterType":"FLOW","priority":2,"trafficFilter":[{"dstPort":["40001"]}],
                 "action":"DROP","state":"ACTIVE"}""";
        assertEquals(400, app.api().put(path, drop.replace("\"tr1\"", "\"tr2\"")).status(), "id differs from URI");
        assertEquals(400, app.api().put(path, drop.replace(",\"state\":\"ACTIVE\"", "")).status(), "no state");
        assertEquals(400, app.api().put(path, drop.replace("DROP", "BOUNCE")).status(), "unknown action");
        assertEquals(404, app.api().put(app.appSupport() + "/traffic_rules/nope", drop.replace("tr1", "nope")).status());
        Http.Reply ok = app.api().put(path, drop);
        assertEquals(200, ok.status(), ok.toString());
        assertEquals("DROP", app.api().get(path).json().get("action").asText());
        assertEquals(412, app.api().with("If-Match", "\"1\"").put(path, drop).status());
        // a later Mm5 reconfiguration keeps the state the app gave the rule
    }

    // ---- subscriptions -----------------------------------------------------------------------------------------

    @Test
    void appTerminationSubscriptionsAreListedReadAndDeleted() {
        TestApps.TestApp app = apps().registered("subs");
        String col = app.appSupport() + "/subscriptions";
        assertEquals(400, app.api().post(col, """
                {"subscriptionType":"SomethingElse","callbackReference":"http://127.0.0.1:1/x"}""").status());
        assertEquals(400, app.api().post(col, """
                {"subscriptionType":"AppTerminationNotificationSubscription","callbackReference":"not a uri"}""").status());
        assertEquals(400, app.api().post(col, """
                {"subscriptionType":"AppTerminationNotificationSubscription","callbackReference":"http://192.0.2.1/x"}""")
                .status(), "callbacks stay on loopback");
        Http.Reply created = app.api().post(col, """
                {"subscriptionType":"AppTerminationNotificationSubscription","callbackReference":"http://127.0.0.1:1/x"}""");
        assertEquals(201, created.status(), created.toString());
        String href = created.header("Location").orElseThrow();

        Http.Reply list = app.api().get(col);
        assertEquals(200, list.status(), list.toString());
        assertEquals(href, list.json().at("/_links/subscriptions/0/href").asText());
        assertEquals("AppTerminationNotificationSubscription", list.json().at("/_links/subscriptions/0/rel").asText());
        assertEquals(200, app.api().get(href).status());
        assertEquals(204, app.api().delete(href).status());
        assertEquals(404, app.api().get(href).status());
        assertEquals(404, app.api().delete(href).status());
        assertEquals(0, app.api().get(col).json().at("/_links/subscriptions").size());
    }

    // ---- Mm5 -----------------------------------------------------------------------------------------------------

    @Test
    void mm5ConfigurationIsIdempotentAndValidated() {
        TestApps.TestApp app = apps().registered("mm5");
        Api mm5 = Api.mm5(base());
        String path = "mm5/v1/app_instances/" + app.id();
        Http.Reply again = mm5.put(path, TestApps.config(app.id(), app.clientId(), app.clientSecret()));
        assertEquals(200, again.status(), again.toString());
        assertFalse(again.body().contains(app.clientSecret()), "the secret is never returned");
        assertTrue(again.json().get("registered").asBoolean(), "reconfiguration keeps the registration");
        assertEquals(400, mm5.put(path, TestApps.config("other-id", "c-x", "0123456789abcdefgh")).status(), "id mismatch");
        assertEquals(400, mm5.put(path, "{\"clientId\":\"c\"}").status(), "no secret");
        assertEquals(409, mm5.put("mm5/v1/app_instances/another-" + app.id(),
                TestApps.config("another-" + app.id(), app.clientId(), "0123456789abcdefgh")).status(), "clientId taken");
        String dupRules = TestApps.config(app.id(), app.clientId(), app.clientSecret())
                .replace("\"appDNSRule\":[", "\"appDNSRule\":[{\"dnsRuleId\":\"dns1\",\"domainName\":\"x\","
                        + "\"ipAddressType\":\"IP_V4\",\"ipAddress\":\"127.0.0.9\"},");
        assertEquals(400, mm5.put(path, dupRules).status(), "duplicate rule id");
        assertEquals("127.0.0.1", app.api().get(app.appSupport() + "/dns_rules/dns1").json().get("ipAddress").asText(),
                "a refused configuration changed nothing");
        assertEquals(404, mm5.get("mm5/v1/app_instances/nobody").status());
    }

    @Test
    void mm5RemovalTakesEverythingOfTheApp() {
        TestApps.TestApp app = apps().registered("removed");
        assertEquals(201, app.api().post(app.serviceMgmt() + "/services", """
                {"serName":"to-be-removed","version":"1","state":"ACTIVE","serializer":"JSON","transportId":"rest-http"}
                """).status());
        assertEquals(201, app.api().post(app.appSupport() + "/subscriptions", """
                {"subscriptionType":"AppTerminationNotificationSubscription","callbackReference":"http://127.0.0.1:1/x"}""")
                .status());
        TestApps.TestApp other = apps().registered("observer");
        assertEquals(1, other.api().get("mec_service_mgmt/v1/services?ser_name=to-be-removed").json().size());

        assertEquals(204, Api.mm5(base()).delete("mm5/v1/app_instances/" + app.id()).status());
        assertEquals(404, mm5Status(app.id()).status());
        assertEquals(0, other.api().get("mec_service_mgmt/v1/services?ser_name=to-be-removed").json().size());
        assertEquals(401, app.api().get("mec_app_support/v2/timing/current_time").status(), "its token is dead");
        Http.Reply token = Api.anonymous(base()).form("oauth2/token", "grant_type=client_credentials&client_id="
                + app.clientId() + "&client_secret=" + app.clientSecret());
        assertEquals(401, token.status(), "its credentials are gone");
        assertEquals(404, Api.mm5(base()).delete("mm5/v1/app_instances/" + app.id()).status());
    }
}
