package org.edgeslice.mep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.edgeslice.testkit.Deployments;
import org.edgeslice.testkit.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ETSI GS MEC 009 security of the platform: OAuth 2.0 client credentials per app instance, bearer tokens on every
 * Mp1 call, an app confined to its own resources (the cross-app matrix below must be refused entirely), and Mm5
 * reachable only with the MEPM's secret.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployed;

    private String base;
    private TestApps.TestApp victim;
    private TestApps.TestApp attacker;
    private String victimService;
    private String victimAppSub;
    private String victimSvcSub;

    @BeforeEach
    void twoApps() {
        base = Deployments.loopback(deployed);
        TestApps apps = new TestApps(base);
        victim = apps.registered("victim");
        attacker = apps.registered("attacker");
        victimService = victim.api().post(victim.serviceMgmt() + "/services", """
                {"serName":"victim-svc","version":"1","state":"ACTIVE","serializer":"JSON","transportId":"rest-http",
                 "livenessInterval":60}""").json().get("serInstanceId").asText();
        victimAppSub = victim.api().post(victim.appSupport() + "/subscriptions", """
                {"subscriptionType":"AppTerminationNotificationSubscription","callbackReference":"http://127.0.0.1:1/v"}""")
                .header("Location").orElseThrow();
        victimSvcSub = victim.api().post(victim.serviceMgmt() + "/subscriptions", """
                {"subscriptionType":"SerAvailabilityNotificationSubscription","callbackReference":"http://127.0.0.1:1/v"}""")
                .header("Location").orElseThrow();
    }

    /** Every operation on the victim's resources, as {method, path, body}. */
    private List<String[]> victimOperations() {
        String as = victim.appSupport();
        String sm = victim.serviceMgmt();
        String dns = """
                {"dnsRuleId":"dns1","domainName":"evil.example","ipAddressType":"IP_V4","ipAddress":"127.0.0.66","state":"ACTIVE"}""";
        String tr = """
                {"trafficRuleId":"tr1","filterType":"FLOW","priority":1,"trafficFilter":[{}],"action":"DROP","state":"ACTIVE"}""";
        String svc = """
                {"serName":"victim-svc","version":"6.6.6","state":"INACTIVE","serializer":"JSON","transportId":"rest-http"}""";
        List<String[]> ops = new ArrayList<>();
        ops.add(new String[] {"GET", "mec_app_support/v2/registrations/" + victim.id(), null});
        ops.add(new String[] {"PUT", "mec_app_support/v2/registrations/" + victim.id(), TestApps.registration(victim.id())});
        ops.add(new String[] {"DELETE", "mec_app_support/v2/registrations/" + victim.id(), null});
        ops.add(new String[] {"POST", as + "/confirm_ready", "{\"indication\":\"READY\"}"});
        ops.add(new String[] {"POST", as + "/confirm_termination", "{\"operationAction\":\"TERMINATING\"}"});
        ops.add(new String[] {"GET", as + "/traffic_rules", null});
        ops.add(new String[] {"GET", as + "/traffic_rules/tr1", null});
        ops.add(new String[] {"PUT", as + "/traffic_rules/tr1", tr});
        ops.add(new String[] {"GET", as + "/dns_rules", null});
        ops.add(new String[] {"GET", as + "/dns_rules/dns1", null});
        ops.add(new String[] {"PUT", as + "/dns_rules/dns1", dns});
        ops.add(new String[] {"GET", as + "/subscriptions", null});
        ops.add(new String[] {"POST", as + "/subscriptions", """
                {"subscriptionType":"AppTerminationNotificationSubscription","callbackReference":"http://127.0.0.1:1/a"}"""});
        ops.add(new String[] {"GET", victimAppSub, null});
        ops.add(new String[] {"DELETE", victimAppSub, null});
        ops.add(new String[] {"GET", sm + "/services", null});
        ops.add(new String[] {"POST", sm + "/services", svc.replace("victim-svc", "impostor")});
        ops.add(new String[] {"GET", sm + "/services/" + victimService, null});
        ops.add(new String[] {"PUT", sm + "/services/" + victimService, svc});
        ops.add(new String[] {"DELETE", sm + "/services/" + victimService, null});
        ops.add(new String[] {"GET", sm + "/subscriptions", null});
        ops.add(new String[] {"POST", sm + "/subscriptions", """
                {"subscriptionType":"SerAvailabilityNotificationSubscription","callbackReference":"http://127.0.0.1:1/a"}"""});
        ops.add(new String[] {"GET", victimSvcSub, null});
        ops.add(new String[] {"DELETE", victimSvcSub, null});
        ops.add(new String[] {"GET", "mec_service_mgmt/v1/services/" + victimService + "/liveness", null});
        ops.add(new String[] {"PATCH", "mec_service_mgmt/v1/services/" + victimService + "/liveness", "{\"state\":\"ACTIVE\"}"});
        ops.add(new String[] {"GET", "mec_app_support/v1/applications/" + victim.id() + "/dns_rules", null});
        return ops;
    }

    private static Http.Reply call(Api api, String[] op) {
        return api.send(op[1], op[0], op[2], op[2] == null ? null : "application/json");
    }

    @Test
    void anotherAppIsRefusedEveryOperationOnTheVictimsResources() {
        List<String> leaks = new ArrayList<>();
        for (String[] op : victimOperations()) {
            Http.Reply r = call(attacker.api(), op);
            if (r.status() != 403 || !r.contentType().startsWith("application/problem+json")) {
                leaks.add(op[0] + " " + op[1] + " -> " + r.status());
            }
        }
        assertTrue(leaks.isEmpty(), "cross-app access not refused with 403: " + leaks);
        assertUntouched();
    }

    @Test
    void withoutAValidTokenEveryOperationIs401() {
        String forged = victim.token().substring(0, victim.token().indexOf('.')) + ".AAAA";
        for (Api api : new Api[] {Api.anonymous(base), Api.bearer(base, "garbage"), Api.bearer(base, forged),
                new Api(base, Api.basic(victim.clientId(), victim.clientSecret())), Api.mm5(base)}) {
            List<String> leaks = new ArrayList<>();
            for (String[] op : victimOperations()) {
                Http.Reply r = call(api, op);
                if (r.status() != 401) {
                    leaks.add(op[0] + " " + op[1] + " -> " + r.status());
                }
            }
            for (String path : new String[] {"mec_service_mgmt/v1/services", "mec_service_mgmt/v1/transports",
                    "mec_app_support/v2/timing/current_time"}) {
                Http.Reply r = api.get(path);
                if (r.status() != 401) {
                    leaks.add("GET " + path + " -> " + r.status());
                }
            }
            assertTrue(leaks.isEmpty(), "accepted without a valid token: " + leaks);
        }
        assertUntouched();
    }

    @Test
    void anAppCannotRegisterAsAnotherInstance() {
        Http.Reply r = attacker.api().post("mec_app_support/v2/registrations", TestApps.registration(victim.id())
                .replace("appd-" + victim.id(), "appd-" + attacker.id()));
        assertEquals(403, r.status(), r.toString());
        assertEquals(victim.id(), victim.api().get("mec_app_support/v2/registrations/" + victim.id()).json()
                .get("appInstanceId").asText());
    }

    @Test
    void appsDiscoverEachOthersServicesButChangeOnlyTheirOwn() {
        Http.Reply found = attacker.api().get("mec_service_mgmt/v1/services/" + victimService);
        assertEquals(200, found.status(), found.toString());
        Http.Reply viaOwnPath = attacker.api().delete(attacker.serviceMgmt() + "/services/" + victimService);
        assertEquals(404, viaOwnPath.status(), "not one of the attacker's services: " + viaOwnPath);
        assertEquals(200, victim.api().get(victim.serviceMgmt() + "/services/" + victimService).status());
    }

    @Test
    void mm5IsReachableOnlyWithTheMepmSecret() {
        String path = "mm5/v1/app_instances/" + victim.id();
        for (Api api : new Api[] {Api.anonymous(base), victim.api(), Api.bearer(base, "not-the-secret"),
                new Api(base, Api.basic("mepm", Api.MM5_SECRET))}) {
            assertEquals(401, api.get(path).status());
            assertEquals(401, api.delete(path).status());
            assertEquals(401, api.put(path, TestApps.config(victim.id(), "stolen", "0123456789abcdefgh")).status());
            assertEquals(401, api.post(path + "/termination", "{\"operationAction\":\"TERMINATING\",\"maxGracefulTimeout\":1}")
                    .status());
        }
        assertEquals(200, Api.mm5(base).get(path).status());
    }

    @Test
    void theTokenEndpointFollowsRfc6749() {
        Api anon = Api.anonymous(base);
        Http.Reply basic = new Api(base, Api.basic(victim.clientId(), victim.clientSecret()))
                .form("oauth2/token", "grant_type=client_credentials");
        assertEquals(200, basic.status(), basic.toString());
        assertEquals("Bearer", basic.json().get("token_type").asText());
        assertTrue(basic.json().get("expires_in").asLong() > 0 && basic.json().get("expires_in").asLong() <= 3600);
        assertEquals("no-store", basic.header("Cache-Control").orElse(""));
        assertEquals(200, Api.bearer(base, basic.json().get("access_token").asText())
                .get("mec_app_support/v2/timing/current_time").status());

        JsonNode wrong = anon.form("oauth2/token", "grant_type=client_credentials&client_id=" + victim.clientId()
                + "&client_secret=wrong").json();
        assertEquals("invalid_client", wrong.get("error").asText());
        assertEquals(401, anon.form("oauth2/token", "grant_type=client_credentials&client_id=" + victim.clientId()
                + "&client_secret=wrong").status());
        assertEquals(401, anon.form("oauth2/token", "grant_type=client_credentials&client_id=nobody&client_secret=x")
                .status());
        assertEquals(401, anon.form("oauth2/token", "grant_type=client_credentials").status(), "no credentials");
        Http.Reply grant = anon.form("oauth2/token", "grant_type=password&client_id=" + victim.clientId()
                + "&client_secret=" + victim.clientSecret());
        assertEquals(400, grant.status());
        assertEquals("unsupported_grant_type", grant.json().get("error").asText());
        assertEquals(400, anon.form("oauth2/token", "client_id=x").status(), "no grant_type");
        assertEquals(400, new Api(base, Api.basic(victim.clientId(), victim.clientSecret())).form("oauth2/token",
                "grant_type=client_credentials&client_id=" + victim.clientId()).status(), "two ways at once");
    }

    @Test
    void reconfiguredCredentialsInvalidateTheOldTokens() {
        TestApps apps = new TestApps(base);
        TestApps.TestApp app = apps.registered("rotated");
        assertEquals(200, Api.mm5(base).put("mm5/v1/app_instances/" + app.id(),
                TestApps.config(app.id(), app.clientId() + "-v2", "a-brand-new-secret-0123")).status());
        assertEquals(401, app.api().get("mec_app_support/v2/timing/current_time").status());
        String fresh = apps.token(app.clientId() + "-v2", "a-brand-new-secret-0123");
        assertEquals(200, Api.bearer(base, fresh).get("mec_app_support/v2/timing/current_time").status());
    }

    private void assertUntouched() {
        assertEquals(200, victim.api().get("mec_app_support/v2/registrations/" + victim.id()).status());
        assertEquals("127.0.0.1", victim.api().get(victim.appSupport() + "/dns_rules/dns1").json().get("ipAddress").asText());
        assertEquals("PASSTHROUGH", victim.api().get(victim.appSupport() + "/traffic_rules/tr1").json().get("action").asText());
        JsonNode svc = victim.api().get(victim.serviceMgmt() + "/services/" + victimService).json();
        assertEquals("1", svc.get("version").asText());
        assertEquals(200, victim.api().get(victimAppSub).status());
        assertEquals(200, victim.api().get(victimSvcSub).status());
        assertEquals(1, victim.api().get(victim.serviceMgmt() + "/services").json().size(), "no impostor service");
        assertEquals(1, victim.api().get(victim.appSupport() + "/subscriptions").json().at("/_links/subscriptions").size());
    }
}
