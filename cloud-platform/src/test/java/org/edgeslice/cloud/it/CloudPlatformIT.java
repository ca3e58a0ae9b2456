package org.edgeslice.cloud.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.edgeslice.testkit.ContractCheck;
import org.edgeslice.testkit.Deployments;
import org.edgeslice.testkit.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cloud platform WAR in Payara Micro, driven over HTTP: the ISCL request API and entire view, bad requests,
 * the CISS's oneM2M binding on the JPA store, offloading with both synchronisation modes against a real slice
 * process, and the whole ISS flow (slicing, offloading only, release) against a fake MEO in this JVM
 * ({@code cloud.meo.url} points at it; the ISSM trusts the CSFR: {@code cloud.issm.imageBuild=false}; both set in the
 * deployed WAR's config file).
 * Names carry a per-run suffix: on CI the database is PostgreSQL and outlives the run.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CloudPlatformIT {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static FakeMeo meo;

    /**
     * The built WAR, its MicroProfile Config file extended to point at the fake MEO and to trust the CSFR for images.
     * The file, not -D options: the JVM options of the Payara under test are the lead's arquillian.xml plus
     * arquillian.db.options, which CI sets on the command line (and a command-line value replaces any other).
     */
    @Deployment(testable = false)
    static WebArchive war() {
        WebArchive war = Deployments.builtWar();
        String path = "WEB-INF/classes/META-INF/microprofile-config.properties";
        String original;
        try (java.io.InputStream in = war.get(path).getAsset().openStream()) {
            original = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        war.delete(path);
        war.add(new org.jboss.shrinkwrap.api.asset.StringAsset(original + "\n# CloudPlatformIT\ncloud.meo.url=http://127.0.0.1:"
                + Integer.getInteger("cloud.it.meoPort", 18979) + "/meo\ncloud.issm.imageBuild=false\n"), path);
        return war;
    }

    @ArquillianResource
    URL deployed;

    @BeforeAll
    static void fakeMeo() throws Exception {
        meo = new FakeMeo(Integer.getInteger("cloud.it.meoPort", 18979));
    }

    @AfterAll
    static void stopFakeMeo() {
        if (meo != null) {
            meo.close();
        }
    }

    private Http api() {
        return new Http(Deployments.loopback(deployed));
    }

    // ------------------------------------------------------------------ oneM2M helpers (the CISS under /cse)

    private Http.Reply m2mCreate(String path, String from, int ty, String body) {
        return api().send(HttpRequest.newBuilder(api().uri("cse/" + path)).header("X-M2M-Origin", from)
                .header("X-M2M-RI", "it").header("X-M2M-RVI", "3").header("Content-Type", "application/json;ty=" + ty)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Http.Reply m2mGet(String path, String from) {
        return api().send(HttpRequest.newBuilder(api().uri("cse/" + path)).header("X-M2M-Origin", from)
                .header("X-M2M-RI", "it-get").header("X-M2M-RVI", "3").header("Accept", "application/json").GET());
    }

    private static String rsc(Http.Reply r) {
        return r.header("X-M2M-RSC").orElse("none");
    }

    /** An AE {@code Cars<run><suffix>} with containers, each with three content instances, in the CISS. */
    private String tree(String suffix, String... containers) {
        String ae = "Cars" + RUN + suffix;
        String origin = "C" + ae;
        Http.Reply r = m2mCreate("in-cse", origin, 2, "{\"m2m:ae\":{\"rn\":\"" + ae
                + "\",\"api\":\"Ncars.edgeslice.it\",\"rr\":false,\"srv\":[\"3\"]}}");
        assertEquals("2001", rsc(r), r.toString());
        for (String c : containers) {
            assertEquals("2001", rsc(m2mCreate("in-cse/" + ae, origin, 3, "{\"m2m:cnt\":{\"rn\":\"" + c
                    + "\",\"mni\":50}}")));
            for (int i = 1; i <= 3; i++) {
                assertEquals("2001", rsc(m2mCreate("in-cse/" + ae + "/" + c, origin, 4,
                        "{\"m2m:cin\":{\"rn\":\"cloud" + i + "\",\"con\":\"cloud-" + i + "\"}}")));
            }
        }
        return ae;
    }

    private static void eventually(String what, java.util.function.BooleanSupplier check) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!check.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(100);
        }
    }

    // ------------------------------------------------------------------ tests

    @Test
    void readinessProbeAndHealthAnswer() {
        Http.Reply slices = api().get("iscl/v1/slices");
        assertEquals(200, slices.status(), slices.toString());
        assertTrue(slices.json().isArray());
        Http.Reply ready = new Http(Deployments.serverRoot(deployed)).get("health/ready");
        assertTrue(ready.body().contains("cloud-platform-database"), ready.body());
        assertTrue(ready.body().contains("cloud-platform-meo"), ready.body());
        assertEquals(200, ready.status(), ready.toString());
        Http.Reply csfr = api().get("iscl/v1/csfr");
        assertTrue(csfr.status() == 200 && csfr.json().isArray() || csfr.status() == 503, csfr.toString());
    }

    @Test
    void badRequestsAreProblemDetails() {
        String ae = tree("bad", "CarA");
        String[] bodies = {
            "{\"requestType\":\"FUNCTION_GENERATION_AND_OFFLOADING\",\"functions\":[\"retrieve\"],\"tasks\":[{\"path\":\"/in-cse/"
                + ae + "/CarA\"}],\"colour\":\"blue\"}",
            "{\"requestType\":\"FUNCTION_GENERATION_AND_OFFLOADING\",\"functions\":[\"teleport\"],\"tasks\":[{\"path\":\"/in-cse/"
                + ae + "/CarA\"}]}",
            "{\"requestType\":\"FUNCTION_GENERATION_AND_OFFLOADING\",\"functions\":[\"retrieve\"],\"tasks\":[]}",
            "{\"requestType\":\"FUNCTION_GENERATION_AND_OFFLOADING\",\"tasks\":[{\"path\":\"/in-cse/" + ae + "/CarA\"}]}",
            "{\"requestType\":\"OFFLOADING_ONLY\",\"tasks\":[{\"path\":\"/in-cse/" + ae + "/CarA\"}]}",
            "{\"requestType\":\"SOMETHING\",\"tasks\":[{\"path\":\"/in-cse/" + ae + "/CarA\"}]}",
            "{\"requestType\":\"FUNCTION_GENERATION_AND_OFFLOADING\",\"functions\":[\"retrieve\"],\"tasks\":[{\"path\":\"/in-cse/nowhere\"}]}",
            "{\"requestType\":\"FUNCTION_GENERATION_AND_OFFLOADING\",\"functions\":[\"retrieve\"],\"tasks\":[{\"path\":\"/in-cse/"
                + ae + "/CarA\",\"syncMode\":\"TELEPATHY\"}]}",
            "{\"requestType\":\"FUNCTION_GENERATION_AND_OFFLOADING\",\"functions\":\"retrieve\",\"tasks\":[{\"path\":\"/in-cse/"
                + ae + "/CarA\"}]}",
            "not json",
            "{\"requestType\":\"FUNCTION_GENERATION_AND_OFFLOADING\",\"functions\":[\"retrieve\"],\"tasks\":[{\"path\":\"/in-cse/"
                + "x".repeat(520) + "\"}]}",
        };
        for (String body : bodies) {
            Http.Reply r = api().post("iscl/v1/slicing_requests", body);
            assertEquals(400, r.status(), body + " -> " + r);
            assertTrue(r.contentType().startsWith("application/problem+json"), r.toString());
            assertEquals(400, r.json().get("status").asInt(), r.body());
        }
        Http.Reply unknownSlice = api().post("iscl/v1/slicing_requests", "{\"requestType\":\"OFFLOADING_ONLY\","
                + "\"sliceId\":\"no-such-slice\",\"tasks\":[{\"path\":\"/in-cse/" + ae + "/CarA\"}]}");
        assertEquals(404, unknownSlice.status(), unknownSlice.toString());
        assertEquals(404, api().get("iscl/v1/slices/no-such-slice").status());
        assertEquals(404, api().delete("iscl/v1/slices/no-such-slice").status());
        assertEquals(404, api().get("iscl/v1/slicing_requests/no-such-request").status());
        Http.Reply query = api().get("iscl/v1/slices?colour=blue");
        assertEquals(400, query.status(), query.toString());
        Http.Reply offload = api().post("ciss/v1/offloads", "{\"sliceId\":\"s\",\"sliceEndpoint\":\"ftp://x\",\"tasks\":[]}");
        assertEquals(400, offload.status(), offload.toString());
        Http.Reply longPath = api().post("ciss/v1/offloads", "{\"sliceId\":\"s\",\"sliceEndpoint\":\"http://127.0.0.1:1\","
                + "\"tasks\":[{\"path\":\"/in-cse/" + "x".repeat(520) + "\"}]}");
        assertEquals(400, longPath.status(), longPath.toString());
        assertTrue(longPath.body().contains("512"), longPath.body());
        assertEquals(404, api().get("ciss/v1/tasks/no-such-task").status());
        assertEquals(0, meo.instantiateBodies.stream().filter(b -> b.toString().contains(ae)).count());
    }

    @Test
    void cissServesOneM2mOverTheDurableStore() {
        String ae = tree("cse", "CarA");
        Http.Reply la = m2mGet("in-cse/" + ae + "/CarA/la", "C" + ae);
        assertEquals("2000", rsc(la), la.toString());
        assertEquals("cloud-3", la.json().at("/m2m:cin/con").asText());
        assertEquals("it-get", la.header("X-M2M-RI").orElse(""));
        Http.Reply dup = m2mCreate("in-cse/" + ae + "/CarA", "C" + ae, 4, "{\"m2m:cin\":{\"rn\":\"cloud1\",\"con\":\"x\"}}");
        assertEquals("4105", rsc(dup), dup.toString());
        assertEquals(409, dup.status());
        Http.Reply missing = m2mGet("in-cse/" + ae + "/Nothing", "C" + ae);
        assertEquals("4004", rsc(missing));
        Http.Reply sp = m2mGet("~/id-in/in-cse/" + ae + "/CarA", "C" + ae);
        assertEquals("2000", rsc(sp), sp.toString());
        assertEquals(3, sp.json().at("/m2m:cnt/cni").asInt());
    }

    @Test
    void offloadSyncsBothWaysAndRedirectsAgainstARealSlice() throws Exception {
        String ae = tree("off", "CarA", "CarB", "CarC");
        try (SliceProcess slice = SliceProcess.start("registration,retrieve,subscription,notification")) {
            String sliceId = "slice-it-" + RUN;
            Http.Reply r = api().post("ciss/v1/offloads", "{\"sliceId\":\"" + sliceId + "\",\"sliceEndpoint\":\""
                    + slice.endpoint() + "\",\"tasks\":[{\"path\":\"/in-cse/" + ae + "/CarA\",\"syncMode\":\"SUBSCRIPTION\"},"
                    + "{\"path\":\"/in-cse/" + ae + "/CarB\",\"syncMode\":\"REDIRECT\"}]}");
            assertEquals(200, r.status(), r.toString());
            assertEquals("OFFLOADED", r.json().get(0).get("state").asText(), r.body());
            assertEquals("OFFLOADED", r.json().get(1).get("state").asText(), r.body());
            String taskA = r.json().get(0).get("taskId").asText();

            // the task is at the slice: AE, container, latest content instance
            HttpResponse<String> atSlice = slice.get("/cse-slice/" + ae + "/CarA/la", "CAdmin");
            assertTrue(atSlice.body().contains("cloud-3"), atSlice.body());
            // its sync subscription notifies the CISS's own AE there (nu = the originator: no verification), whose
            // poa is this slice's notification receiver
            HttpResponse<String> sub = slice.get("/cse-slice/" + ae + "/CarA/ciss-sync-" + taskA, "CAdmin");
            assertEquals("[\"CAdmin\"]", JSON.readTree(sub.body()).at("/m2m:sub/nu").toString(), sub.body());
            HttpResponse<String> cissAe = slice.get("/cse-slice/edgeslice-ciss", "CAdmin");
            assertTrue(JSON.readTree(cissAe.body()).at("/m2m:ae/poa/0").asText()
                    .endsWith("/ciss/v1/slices/" + sliceId + "/notifications"), cissAe.body());
            // offloading the same task again changes nothing
            Http.Reply again = api().post("ciss/v1/offloads", "{\"sliceId\":\"" + sliceId + "\",\"sliceEndpoint\":\""
                    + slice.endpoint() + "\",\"tasks\":[{\"path\":\"/in-cse/" + ae + "/CarA\"}]}");
            assertEquals(200, again.status(), again.toString());
            assertEquals(taskA, again.json().get(0).get("taskId").asText(), again.body());
            // a second task under the same AE (its AE is known to be at the slice: only the container is created)
            Http.Reply carC = api().post("ciss/v1/offloads", "{\"sliceId\":\"" + sliceId + "\",\"sliceEndpoint\":\""
                    + slice.endpoint() + "\",\"tasks\":[{\"path\":\"/in-cse/" + ae + "/CarC\"}]}");
            assertEquals(200, carC.status(), carC.toString());
            assertEquals("OFFLOADED", carC.json().get(0).get("state").asText(), carC.body());
            HttpResponse<String> edgeC = slice.create("/cse-slice/" + ae + "/CarC", "C" + ae, 4,
                    "{\"m2m:cin\":{\"rn\":\"edgeC\",\"con\":\"edge-c\"}}");
            assertEquals("2001", edgeC.headers().firstValue("X-M2M-RSC").orElse(""), edgeC.body());
            eventually("edgeC synchronised to the cloud", () ->
                    "2000".equals(rsc(m2mGet("in-cse/" + ae + "/CarC/edgeC", "C" + ae))));

            // (a) subscription/notification: every instance the device creates at the slice appears in the cloud
            for (int i = 1; i <= 5; i++) {
                HttpResponse<String> c = slice.create("/cse-slice/" + ae + "/CarA", "C" + ae, 4,
                        "{\"m2m:cin\":{\"rn\":\"edge" + i + "\",\"con\":\"edge-" + i + "\"}}");
                assertEquals("2001", c.headers().firstValue("X-M2M-RSC").orElse(""), c.body());
            }
            for (int i = 1; i <= 5; i++) {
                String rn = "edge" + i;
                eventually(rn + " synchronised to the cloud", () ->
                        "2000".equals(rsc(m2mGet("in-cse/" + ae + "/CarA/" + rn, "C" + ae))));
            }
            Http.Reply cloudLa = m2mGet("in-cse/" + ae + "/CarA/la", "C" + ae);
            assertEquals("edge-5", cloudLa.json().at("/m2m:cin/con").asText(), cloudLa.toString());
            assertFalse(cloudLa.header("X-EdgeSlice-Served-By").isPresent(), "SUBSCRIPTION tasks are read from the cloud");
            eventually("sync counted", () -> api().get("ciss/v1/tasks/" + taskA).json().path("syncedChanges").asLong() >= 5);

            // (b) retrieve redirect: the cloud's answer for CarB comes from the slice
            HttpResponse<String> b = slice.create("/cse-slice/" + ae + "/CarB", "C" + ae, 4,
                    "{\"m2m:cin\":{\"rn\":\"fast1\",\"con\":\"high-rate-1\"}}");
            assertEquals("2001", b.headers().firstValue("X-M2M-RSC").orElse(""), b.body());
            Http.Reply redirected = m2mGet("in-cse/" + ae + "/CarB/la", "C" + ae);
            assertEquals("2000", rsc(redirected), redirected.toString());
            assertEquals("high-rate-1", redirected.json().at("/m2m:cin/con").asText());
            assertTrue(redirected.header("X-EdgeSlice-Served-By").orElse("").startsWith("slice"), redirected.toString());
            assertEquals("it-get", redirected.header("X-M2M-RI").orElse(""));
            assertEquals("4004", rsc(m2mGet("in-cse/" + ae + "/CarB/nothing-here", "C" + ae)));

            // final sync: everything comes home, the redirect ends
            Http.Reply back = api().post("ciss/v1/slices/" + sliceId + "/return", "{}");
            assertEquals(200, back.status(), back.toString());
            for (JsonNode t : back.json()) {
                assertEquals("RETURNED", t.get("state").asText(), back.body());
            }
            Http.Reply home = m2mGet("in-cse/" + ae + "/CarB/la", "C" + ae);
            assertEquals("high-rate-1", home.json().at("/m2m:cin/con").asText(), home.toString());
            assertFalse(home.header("X-EdgeSlice-Served-By").isPresent(), home.toString());
        }
    }

    @Test
    void slicingOffloadingAndReleaseThroughTheMeo() throws Exception {
        String ae = tree("iss", "CarA", "CarB", "CarC");
        Http.Reply created = api().post("iscl/v1/slicing_requests", "{\"requestType\":"
                + "\"FUNCTION_GENERATION_AND_OFFLOADING\",\"serviceName\":\"car-telemetry\",\"functions\":"
                + "[\"registration\",\"retrieve\"],\"tasks\":[{\"path\":\"/in-cse/" + ae + "/CarA\"}],"
                + "\"hostId\":\"fake-host\",\"latencyBoundMs\":20,\"requester\":\"handler-it\"}");
        assertEquals(201, created.status(), created.toString());
        String location = created.header("Location").orElseThrow();
        assertEquals("PROCESSING", created.json().get("state").asText());
        JsonNode done = awaitFinal(location);
        assertEquals("COMPLETED", done.get("state").asText(), done.toPrettyString());
        List<String> steps = new ArrayList<>();
        done.get("trace").forEach(s -> {
            steps.add(s.get("step").asText());
            assertEquals("SUCCEEDED", s.get("outcome").asText(), s.toString());
            assertNotNull(s.get("endedAt"), s.toString());
        });
        assertTrue(steps.containsAll(List.of("04", "05", "06-08", "08", "09-10", "11-12", "13")), steps.toString());
        assertTrue(done.toString().contains("\"learnedBy\":\"notification\""), "step 08 learned from the LCM notification");
        List<String> started = new ArrayList<>();
        done.get("startedFunctions").forEach(f -> started.add(f.asText()));
        assertTrue(started.containsAll(List.of("registration", "retrieve", "subscription", "notification")),
                "subscription and notification are added for the SUBSCRIPTION sync: " + started);
        JsonNode slice = done.get("slice");
        String sliceId = slice.get("sliceId").asText();
        String endpoint = slice.at("/endpoints/http").asText();
        assertEquals("READY", slice.get("state").asText());
        assertEquals("fake-host", slice.get("hostId").asText());
        assertEquals("fake-host", meo.instantiateBodies.get(meo.instantiateBodies.size() - 1)
                .at("/selectedMECHostInfo/0/hostId").asText());
        assertTrue(meo.calls.contains("POST /app_pkgm/v1/app_packages"), meo.calls.toString());

        // step 15: the device writes at the edge; the cloud sees it
        Http edge = new Http(endpoint);
        Http.Reply c = edge.send(HttpRequest.newBuilder(edge.uri("cse-slice/" + ae + "/CarA"))
                .header("X-M2M-Origin", "C" + ae).header("X-M2M-RI", "dev").header("X-M2M-RVI", "3")
                .header("Content-Type", "application/json;ty=4")
                .POST(HttpRequest.BodyPublishers.ofString("{\"m2m:cin\":{\"rn\":\"dev1\",\"con\":\"from-device\"}}")));
        assertEquals("2001", rsc(c), c.toString());
        eventually("device data in the cloud", () -> "2000".equals(rsc(m2mGet("in-cse/" + ae + "/CarA/dev1", "C" + ae))));

        // the entire view follows the MEO: a stopped instance is a STOPPED slice that takes no offloading
        String appInstanceId = slice.get("appInstanceId").asText();
        assertEquals(1, meo.instanceCallbacks.size(), "the ISS subscribed to instance state changes");
        meo.notifyInstanceState(appInstanceId, "STOPPED");
        eventually("slice STOPPED", () -> "STOPPED".equals(api().get("iscl/v1/slices/" + sliceId).json().path("state").asText()));
        Http.Reply intoStopped = api().post("iscl/v1/slicing_requests", "{\"requestType\":\"OFFLOADING_ONLY\",\"sliceId\":\""
                + sliceId + "\",\"tasks\":[{\"path\":\"/in-cse/" + ae + "/CarB\"}]}");
        assertEquals(409, intoStopped.status(), intoStopped.toString());
        meo.notifyInstanceState(appInstanceId, "STARTED");
        eventually("slice READY again", () -> "READY".equals(api().get("iscl/v1/slices/" + sliceId).json().path("state").asText()));

        // 03-2: offloading only, into the same slice
        Http.Reply second = api().post("iscl/v1/slicing_requests", "{\"requestType\":\"OFFLOADING_ONLY\",\"sliceId\":\""
                + sliceId + "\",\"functions\":[\"retrieve\"],\"tasks\":[{\"path\":\"/in-cse/" + ae + "/CarB\"}]}");
        assertEquals(201, second.status(), second.toString());
        JsonNode secondDone = awaitFinal(second.header("Location").orElseThrow());
        assertEquals("COMPLETED", secondDone.get("state").asText(), secondDone.toPrettyString());
        assertEquals(0, secondDone.get("startedFunctions").size());
        assertTrue(secondDone.get("trace").toString().contains("\"SKIPPED\""), secondDone.toString());

        // 03-2 with Prefer: wait (as the handler asks): the 201 carries the outcome, committed
        Http.Reply waited = api().send(HttpRequest.newBuilder(api().uri("iscl/v1/slicing_requests"))
                .header("Content-Type", "application/json").header("Prefer", "wait=10")
                .POST(HttpRequest.BodyPublishers.ofString("{\"requestType\":\"OFFLOADING_ONLY\",\"sliceId\":\""
                        + sliceId + "\",\"tasks\":[{\"path\":\"/in-cse/" + ae + "/CarC\"}]}")));
        assertEquals(201, waited.status(), waited.toString());
        assertEquals("wait=10", waited.header("Preference-Applied").orElse(""), waited.toString());
        assertEquals("COMPLETED", waited.json().get("state").asText(), waited.body());
        assertEquals(sliceId, waited.json().get("sliceId").asText());
        assertEquals("COMPLETED", api().get(waited.header("Location").orElseThrow().replaceFirst("^.*/iscl/", "iscl/"))
                .json().get("state").asText(), "what the 201 said is what is stored");

        Http.Reply view = api().get("iscl/v1/slices/" + sliceId);
        assertEquals(3, view.json().get("tasks").size(), view.body());
        assertTrue(api().get("iscl/v1/slicing_requests").body().contains(sliceId));

        // release: final sync, terminate, delete
        Http.Reply released = api().delete("iscl/v1/slices/" + sliceId);
        assertEquals(204, released.status(), released.toString());
        JsonNode after = api().get("iscl/v1/slices/" + sliceId).json();
        assertEquals("RELEASED", after.get("state").asText(), after.toString());
        after.get("tasks").forEach(t -> assertEquals("RETURNED", t.get("state").asText(), t.toString()));
        assertTrue(meo.calls.stream().anyMatch(s -> s.endsWith("/terminate")), meo.calls.toString());
        assertTrue(meo.calls.stream().anyMatch(s -> s.startsWith("DELETE /app_lcm/v1/app_instances/")), meo.calls.toString());
        assertEquals(409, api().delete("iscl/v1/slices/" + sliceId).status());
    }

    @Test
    void aFailedInstantiationFailsTheRequestAndTheSlice() throws Exception {
        String ae = tree("fail", "CarA");
        Http.Reply created = api().post("iscl/v1/slicing_requests", "{\"requestType\":"
                + "\"FUNCTION_GENERATION_AND_OFFLOADING\",\"functions\":[\"registration\"],\"tasks\":[{\"path\":\"/in-cse/"
                + ae + "/CarA\",\"syncMode\":\"REDIRECT\"}],\"hostId\":\"broken-host\"}");
        assertEquals(201, created.status(), created.toString());
        JsonNode done = awaitFinal(created.header("Location").orElseThrow());
        assertEquals("FAILED", done.get("state").asText(), done.toPrettyString());
        assertTrue(done.at("/error/detail").asText().contains("FAILED"), done.toString());
        JsonNode failedStep = null;
        for (JsonNode s : done.get("trace")) {
            if ("FAILED".equals(s.get("outcome").asText())) {
                failedStep = s;
            }
        }
        assertNotNull(failedStep, done.toString());
        assertEquals("06-08", failedStep.get("step").asText());
        String sliceId = done.get("sliceId").asText();
        assertEquals("FAILED", api().get("iscl/v1/slices/" + sliceId).json().get("state").asText());
        List<String> functions = new ArrayList<>();
        api().get("iscl/v1/slices/" + sliceId).json().get("functions").forEach(f -> functions.add(f.asText()));
        assertTrue(functions.contains("retrieve"), "REDIRECT needs retrieve: " + functions);
        assertEquals(204, api().delete("iscl/v1/slices/" + sliceId).status(), "a failed slice can be released");

        // the long poll of a request that no longer changes: 304 after the wait; another tag gets the request at once
        String location = created.header("Location").orElseThrow();
        String etag = api().get(location).header("ETag").orElseThrow();
        long t0 = System.nanoTime();
        Http.Reply same = api().send(HttpRequest.newBuilder(api().uri(location)).header("If-None-Match", etag)
                .header("Prefer", "wait=1").GET());
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(304, same.status(), same.toString());
        assertTrue(waited >= 900 && waited < 5000, "waited " + waited + " ms");
        t0 = System.nanoTime();
        Http.Reply other = api().send(HttpRequest.newBuilder(api().uri(location)).header("If-None-Match", "\"0\"")
                .header("Prefer", "wait=5").GET());
        assertEquals(200, other.status(), other.toString());
        // the wait asked for is 5 s; answering well before it is what counts
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 4000, "no wait for a client that has an older tag");
        assertEquals(etag, other.header("ETag").orElseThrow(), "unchanged request, same tag");
    }

    /** The CISS's create rate over HTTP (16 concurrent clients); a figure for the report. */
    @Test
    void cissCreateRateOverHttp() throws Exception {
        String ae = tree("rate");
        for (int w = 0; w < 16; w++) {
            m2mCreate("in-cse/" + ae, "C" + ae, 3, "{\"m2m:cnt\":{\"rn\":\"c" + w + "\",\"mni\":100}}");
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger ok = new AtomicInteger();
        int each = 200;
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < 16; w++) {
            String to = "in-cse/" + ae + "/c" + w;
            fs.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    if ("2001".equals(rsc(m2mCreate(to, "C" + ae, 4, "{\"m2m:cin\":{\"con\":\"" + i + "\"}}")))) {
                        ok.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        pool.shutdown();
        assertEquals(16 * each, ok.get());
        System.out.println(String.format(Locale.ROOT, "CISS over HTTP: %d durable creates in %d ms = %.0f creates/s",
                ok.get(), ms, ok.get() * 1000.0 / ms));
    }

    @Test
    void servedOpenApiMatchesTheContract() {
        ContractCheck.assertServes(Deployments.serverRoot(deployed), "/cloud", "cloud-platform");
    }

    /**
     * Follows a request by long polling (If-None-Match + Prefer: wait), as the handler does: every answer is either
     * a change (200, a new ETag) or a 304 after the full wait, and the final state arrives without a timer.
     */
    private JsonNode awaitFinal(String location) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        Http.Reply first = api().get(location);
        String etag = first.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + first));
        JsonNode info = first.json();
        while (info.path("state").asText().equals("PROCESSING")) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("still PROCESSING: " + info.toPrettyString());
            }
            long t0 = System.nanoTime();
            Http.Reply r = api().send(HttpRequest.newBuilder(api().uri(location)).header("If-None-Match", etag)
                    .header("Prefer", "wait=2").GET());
            long waited = (System.nanoTime() - t0) / 1_000_000;
            if (r.status() == 304) {
                assertTrue(waited >= 1900, "a 304 only after the wait asked for: " + waited + " ms");
                continue;
            }
            assertEquals(200, r.status(), r.toString());
            assertNotEquals(etag, r.header("ETag").orElseThrow(), "a 200 to a long poll is a change");
            etag = r.header("ETag").orElseThrow();
            info = r.json();
        }
        return info;
    }
}
