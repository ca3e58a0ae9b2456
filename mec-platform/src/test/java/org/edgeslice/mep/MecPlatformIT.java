package org.edgeslice.mep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.edgeslice.testkit.ContractCheck;
import org.edgeslice.testkit.Deployments;
import org.edgeslice.testkit.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MEC platform WAR inside Payara Micro, driven over HTTP as an ME App would. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MecPlatformIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployed;

    private Http api() {
        return new Http(Deployments.loopback(deployed));
    }

    @Test
    void transportsComeFromTheMigratedDatabase() {
        Http.Reply r = api().get("mec_service_mgmt/v1/transports");
        assertEquals(200, r.status(), r.toString());
        assertEquals("rest-http", r.json().get(0).get("id").asText());
        assertEquals("REST_HTTP", r.json().get(0).get("type").asText());
        assertTrue(r.json().get(0).at("/security/oAuth2Info/tokenEndpoint").asText().endsWith("/oauth2/token"), r.body());
    }

    @Test
    void unknownQueryParameterIsA400ProblemDetails() {
        Http.Reply r = api().get("mec_service_mgmt/v1/transports?colour=blue");
        assertEquals(400, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.toString());
        assertEquals(400, r.json().get("status").asInt());
        assertTrue(r.json().get("detail").asText().contains("colour"), r.body());
    }

    @Test
    void unknownPathIsA404ProblemDetails() {
        Http.Reply r = api().get("mec_service_mgmt/v1/nothing_here");
        assertEquals(404, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.toString());
    }

    @Test
    void currentTimeIsServedUnderV2AndV1() {
        for (String v : new String[] {"v2", "v1"}) {
            Http.Reply r = api().get("mec_app_support/" + v + "/timing/current_time");
            assertEquals(200, r.status(), r.toString());
            long seconds = r.json().get("seconds").asLong();
            assertTrue(Math.abs(seconds - System.currentTimeMillis() / 1000) < 60, r.body());
        }
    }

    @Test
    void readinessReflectsTheDatabase() {
        Http.Reply r = new Http(Deployments.serverRoot(deployed)).get("health/ready");
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.body().contains("mec-platform-database"), r.body());
    }

    @Test
    void metricsAreServed() {
        Http.Reply r = new Http(Deployments.serverRoot(deployed)).get("metrics", "text/plain");
        assertEquals(200, r.status(), r.toString());
    }

    @Test
    void servedOpenApiMatchesTheContract() {
        ContractCheck.assertServes(Deployments.serverRoot(deployed), "/mec-platform", "mec-platform");
    }
}
