package org.edgeslice.mep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

/** The MEC platform WAR inside Payara Micro, driven over HTTP as an ME App would: basics, contract, figures. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MecPlatformIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployed;

    private String base() {
        return Deployments.loopback(deployed);
    }

    private TestApps.TestApp app(String name) {
        return new TestApps(base()).registered(name);
    }

    @Test
    void transportsComeFromTheMigratedDatabase() {
        Http.Reply r = app("transports").api().get("mec_service_mgmt/v1/transports");
        assertEquals(200, r.status(), r.toString());
        assertEquals("rest-http", r.json().get(0).get("id").asText());
        assertEquals("REST_HTTP", r.json().get(0).get("type").asText());
        assertTrue(r.json().get(0).at("/security/oAuth2Info/tokenEndpoint").asText().endsWith("/oauth2/token"), r.body());
    }

    @Test
    void unknownQueryParameterIsA400ProblemDetails() {
        Http.Reply r = app("query").api().get("mec_service_mgmt/v1/transports?colour=blue");
        assertEquals(400, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.toString());
        assertEquals(400, r.json().get("status").asInt());
        assertTrue(r.json().get("detail").asText().contains("colour"), r.body());
    }

    @Test
    void unknownPathIsA404ProblemDetails() {
        Http.Reply r = app("path").api().get("mec_service_mgmt/v1/nothing_here");
        assertEquals(404, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.toString());
    }

    @Test
    void currentTimeAndTimingCapsAreServedUnderV2AndV1() {
        Api api = app("timing").api();
        for (String v : new String[] {"v2", "v1"}) {
            Http.Reply r = api.get("mec_app_support/" + v + "/timing/current_time");
            assertEquals(200, r.status(), r.toString());
            long seconds = r.json().get("seconds").asLong();
            assertTrue(Math.abs(seconds - System.currentTimeMillis() / 1000) < 60, r.body());
            assertEquals("NONTRACEABLE", r.json().get("timeSourceStatus").asText());
            Http.Reply caps = api.get("mec_app_support/" + v + "/timing/timing_caps");
            assertEquals(200, caps.status(), caps.toString());
            assertTrue(Math.abs(caps.json().at("/timeStamp/seconds").asLong() - System.currentTimeMillis() / 1000) < 60,
                    caps.body());
        }
    }

    @Test
    void mp1WithoutATokenIsA401ProblemDetails() {
        Http.Reply r = Api.anonymous(base()).get("mec_app_support/v2/timing/current_time");
        assertEquals(401, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.toString());
        assertTrue(r.header("WWW-Authenticate").orElse("").startsWith("Bearer"), r.toString());
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

    /**
     * Figures for the report, not assertions on time: p50/p90 of service discovery (with 20 services registered)
     * and of confirm_ready, sequential requests over one keep-alive client, after a warm-up; current_time as the
     * baseline of an authenticated request.
     */
    @Test
    void printsLatencyOfDiscoveryAndConfirmReady() {
        TestApps.TestApp producer = app("bench-producer");
        for (int i = 0; i < 20; i++) {
            Http.Reply r = producer.api().post(producer.serviceMgmt() + "/services", """
                    {"serName":"bench-%d","version":"1.0","state":"ACTIVE","serializer":"JSON","transportId":"rest-http"}
                    """.formatted(i));
            assertEquals(201, r.status(), r.toString());
        }
        TestApps.TestApp consumer = app("bench-consumer");
        List<Long> discovery = measure(300, () -> {
            Http.Reply r = consumer.api().get("mec_service_mgmt/v1/services?ser_name=bench-7");
            assertEquals(200, r.status(), r.toString());
        });
        List<Long> ready = measure(300, () -> {
            Http.Reply r = consumer.api().post(consumer.appSupport() + "/confirm_ready", "{\"indication\":\"READY\"}");
            assertEquals(204, r.status(), r.toString());
        });
        List<Long> time = measure(300, () -> {
            Http.Reply r = consumer.api().get("mec_app_support/v2/timing/current_time");
            assertEquals(200, r.status(), r.toString());
        });
        System.out.printf("BENCHMARK mec-platform current_time (baseline: token check only): p50 %.2f ms, p90 %.2f ms%n",
                pct(time, 50), pct(time, 90));
        System.out.printf("BENCHMARK mec-platform service discovery (20 services, ser_name filter): p50 %.2f ms, p90 %.2f ms%n",
                pct(discovery, 50), pct(discovery, 90));
        System.out.printf("BENCHMARK mec-platform confirm_ready: p50 %.2f ms, p90 %.2f ms%n", pct(ready, 50), pct(ready, 90));
    }

    private static List<Long> measure(int n, Runnable call) {
        for (int i = 0; i < 50; i++) {
            call.run();
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            call.run();
            nanos.add(System.nanoTime() - t0);
        }
        Collections.sort(nanos);
        return nanos;
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }
}
