package org.edgeslice.mep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.edgeslice.testkit.Http;

/** Plays the MEPM (Mm5) and an app's start-up (token, registration) against the platform under test. */
final class TestApps {

    /** An app instance the tests configured: its id, credentials and an authenticated client. */
    record TestApp(String id, String clientId, String clientSecret, String token, Api api) {

        String appSupport() {
            return "mec_app_support/v2/applications/" + id;
        }

        String serviceMgmt() {
            return "mec_service_mgmt/v1/applications/" + id;
        }
    }

    private final String base;

    TestApps(String base) {
        this.base = base;
    }

    /** Mm5 PUT with two traffic rules and one DNS rule in MEC 010-2 AppD spelling, as a MEPM sends them. */
    static String config(String id, String clientId, String secret) {
        return """
                {"appInstanceId":"%s","appName":"test-app","appProvider":"edgeslice","appDId":"appd-%s",
                 "clientId":"%s","clientSecret":"%s",
                 "appTrafficRule":[{"trafficRuleId":"tr1","filterType":"FLOW","priority":1,
                    "trafficFilter":[{"dstAddress":["127.0.0.1"],"dstPort":["40001"]}],"action":"PASSTHROUGH",
                    "dstInterface":[{"interfaceType":"IP","dstIPAddress":"127.0.0.1"}]},
                   {"trafficRuleId":"tr2","filterType":"PACKET","priority":2,
                    "trafficFilter":[{"tag":["slice-7"],"protocol":["UDP"]}],"action":"FORWARD_AS_IS",
                    "dstInterface":[{"interfaceType":"TUNNEL","tunnelInfo":{"tunnelType":"GTP-U",
                       "tunnelDstAddress":"127.0.0.2","tunnelSrcAddress":"127.0.0.1"}}]}],
                 "appDNSRule":[{"dnsRuleId":"dns1","domainName":"app.edge.local","ipAddressType":"IP_V4",
                    "ipAddress":"127.0.0.1","ttl":30}],
                 "appServiceRequired":[],"appServiceProduced":[{"serName":"sensor-data","version":"1.0"}]}
                """.formatted(id, id, clientId, secret);
    }

    /** Configured over Mm5 and holding a token, not registered. */
    TestApp configured(String name) {
        String id = name + "-" + UUID.randomUUID();
        String clientId = "client-" + id;
        String secret = "secret-" + UUID.randomUUID();
        Http.Reply r = Api.mm5(base).put("mm5/v1/app_instances/" + id, config(id, clientId, secret));
        assertEquals(201, r.status(), r.toString());
        String token = token(clientId, secret);
        return new TestApp(id, clientId, secret, token, Api.bearer(base, token));
    }

    /** Configured, holding a token, and registered (POST registrations). */
    TestApp registered(String name) {
        TestApp app = configured(name);
        Http.Reply r = app.api().post("mec_app_support/v2/registrations", registration(app.id()));
        assertEquals(201, r.status(), r.toString());
        return app;
    }

    static String registration(String id) {
        return """
                {"appName":"test-app","appProvider":"edgeslice","appDId":"appd-%s","appInstanceId":"%s","isInsByMec":true}
                """.formatted(id, id);
    }

    String token(String clientId, String secret) {
        Http.Reply r = Api.anonymous(base).form("oauth2/token", "grant_type=client_credentials&client_id="
                + enc(clientId) + "&client_secret=" + enc(secret));
        assertEquals(200, r.status(), r.toString());
        return r.json().get("access_token").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
