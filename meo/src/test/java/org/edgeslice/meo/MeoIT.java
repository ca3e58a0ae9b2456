package org.edgeslice.meo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.edgeslice.meo.testing.CallbackReceiver;
import org.edgeslice.meo.testing.FakeMepm;
import org.edgeslice.meo.testing.TestPackages;
import org.edgeslice.testkit.ContractCheck;
import org.edgeslice.testkit.Deployments;
import org.edgeslice.testkit.Http;
import org.edgeslice.testkit.LcmOperations;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The MEO WAR in Payara Micro, driven over HTTP as an MEC 010-2 client, a MEPM (a fake one in this JVM that
 * follows the Mm3 contract of docs/interfaces.md) and notification consumers (HTTP servers on 127.0.0.1) would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeoIT {

    private static final HttpClient RAW = HttpClient.newHttpClient();
    private static FakeMepm mepm;
    /** A second, small host (1000m CPU) far away, for the asynchronous grants. */
    private static FakeMepm smallMepm;
    private static CallbackReceiver callbacks;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployed;

    private Http api() {
        return new Http(Deployments.loopback(deployed));
    }

    private String root() {
        String r = Deployments.loopback(deployed);
        return r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
    }

    /** One fake MEPM (host "edge-it") and one callback receiver for the whole class. */
    private synchronized FakeMepm mepm() throws IOException {
        if (mepm == null) {
            mepm = new FakeMepm(root(), "edge-it");
            Http.Reply r = api().put("mec_hosts/v1/hosts/edge-it", mepm.hostInfo(37.56, 126.97, "kr-seoul", 4000, 8192));
            assertTrue(r.status() == 201 || r.status() == 200, r.toString());
        }
        return mepm;
    }

    private synchronized CallbackReceiver callbacks() throws IOException {
        if (callbacks == null) {
            callbacks = new CallbackReceiver();
        }
        return callbacks;
    }

    @AfterAll
    static void stopServers() {
        if (mepm != null) {
            mepm.close();
        }
        if (smallMepm != null) {
            smallMepm.close();
        }
        if (callbacks != null) {
            callbacks.close();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void assertProblem(Http.Reply r, int status) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.toString());
        assertEquals(status, r.json().get("status").asInt(), r.toString());
    }

    private HttpResponse<byte[]> bytes(String method, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root() + "/" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return RAW.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Creates a package and uploads a valid zip; returns {appPkgId, appDId}. */
    private String[] onboardedPackage(String appDId, int cpuMillis) throws Exception {
        byte[] zip = TestPackages.zip("Definitions/appd.json",
                TestPackages.appD(appDId, "127.0.0.1:5000/edgeslice/iot-slice:0.1.0", cpuMillis, 128, 20));
        Http.Reply created = api().post("app_pkgm/v1/app_packages", """
                {"appPkgName": "slice", "appPkgVersion": "1.0", "appProvider": "edgeslice",
                 "checksum": {"algorithm": "SHA-256", "hash": "%s"}}""".formatted(TestPackages.sha256(zip)));
        assertEquals(201, created.status(), created.toString());
        String id = created.json().get("id").asText();
        HttpResponse<byte[]> put = bytes("PUT", "app_pkgm/v1/app_packages/" + id + "/package_content", zip,
                "Content-Type", "application/zip");
        assertEquals(202, put.statusCode(), new String(put.body()));
        return new String[] {id, appDId};
    }

    private JsonNode awaitOp(String location, Predicate<String> done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        JsonNode op;
        do {
            Http.Reply r = api().get(location);
            assertEquals(200, r.status(), r.toString());
            op = r.json();
            if (done.test(op.get("operationState").asText())) {
                return op;
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("operation did not finish: " + op);
    }

    private JsonNode awaitFinal(String location) throws InterruptedException {
        return LcmOperations.awaitEnd(api(), location, Duration.ofSeconds(20));
    }

    private String createInstance(String appDId) {
        Http.Reply r = api().post("app_lcm/v1/app_instances",
                "{\"appDId\": \"" + appDId + "\", \"appInstanceName\": \"it\", \"appInstanceDescription\": \"IT\"}");
        assertEquals(201, r.status(), r.toString());
        return r.json().get("id").asText();
    }

    private String task(String instanceId, String task, String body) {
        Http.Reply r = api().post("app_lcm/v1/app_instances/" + instanceId + "/" + task, body);
        assertEquals(202, r.status(), r.toString());
        String location = r.header("Location").orElseThrow();
        assertTrue(location.contains("/app_lcm/v1/app_lcm_op_occs/"), location);
        return location;
    }

    // ------------------------------------------------------------------ package management

    @Test
    void packageIsCreatedUploadedOnboardedServedPatchedAndDeleted() throws Exception {
        CallbackReceiver cb = callbacks();
        String hook = cb.url("pkg-" + UUID.randomUUID());
        // v2.1.1 spelling of the attribute and value
        Http.Reply sub = api().post("app_pkgm/v1/subscriptions",
                "{\"callbackUri\": \"" + hook + "\", \"subsctiptionType\": \"AppPackageOnBoarding\"}");
        assertEquals(201, sub.status(), sub.toString());
        assertEquals("AppPackageOnBoardingSubscription", sub.json().get("subscriptionType").asText());
        assertTrue(sub.header("Location").isPresent());
        Http.Reply opSub = api().post("app_pkgm/v1/subscriptions",
                "{\"callbackUri\": \"" + hook + "\", \"subscriptionType\": \"AppPacakgeOperationChange\"}");
        Http.Reply delSub = api().post("app_pkgm/v1/subscriptions",
                "{\"callbackUri\": \"" + hook + "\", \"subscriptionType\": \"AppPackageDeletion\"}");
        assertEquals(201, opSub.status());
        assertEquals(201, delSub.status());

        String appDId = "appd-pkg-" + UUID.randomUUID();
        byte[] zip = TestPackages.zip("Definitions/appd.json", TestPackages.appD(appDId));
        Http.Reply created = api().post("app_pkgm/v1/app_packages", """
                {"appPkgName": "slice", "appPkgVersion": "1.0", "checksum": {"algorithm": "SHA-256", "hash": "%s"},
                 "userDefinedData": {"owner": "it"}}""".formatted(TestPackages.sha256(zip)));
        assertEquals(201, created.status(), created.toString());
        JsonNode pkg = created.json();
        String id = pkg.get("id").asText();
        assertEquals(root() + "/app_pkgm/v1/app_packages/" + id, created.header("Location").orElseThrow());
        assertEquals("CREATED", pkg.get("onboardingState").asText());
        assertEquals("ENABLED", pkg.get("operationalState").asText());
        assertEquals("NOT_IN_USE", pkg.get("usageState").asText());
        assertProblem(api().get("app_pkgm/v1/app_packages/" + id + "/appd", "text/plain"), 409);

        // a bad package is rejected with a reason and leaves the package CREATED, without content
        byte[] bad = TestPackages.zip("Definitions/appd.json", TestPackages.appD(appDId).replace("\"appDescription\"", "\"appDescripton\""));
        HttpResponse<byte[]> rejected = bytes("PUT", "app_pkgm/v1/app_packages/" + id + "/package_content", bad,
                "Content-Type", "application/zip");
        assertEquals(400, rejected.statusCode());
        assertTrue(new String(rejected.body()).contains("checksum mismatch"), new String(rejected.body()));
        JsonNode after = api().get("app_pkgm/v1/app_packages/" + id).json();
        assertEquals("CREATED", after.get("onboardingState").asText());
        assertTrue(after.get("onboardingFailure").asText().contains("checksum"), after.toString());

        assertEquals(202, bytes("PUT", "app_pkgm/v1/app_packages/" + id + "/package_content", zip,
                "Content-Type", "application/zip").statusCode());
        JsonNode onboarded = api().get("app_pkgm/v1/app_packages/" + id).json();
        assertEquals("ONBOARDED", onboarded.get("onboardingState").asText());
        assertEquals(appDId, onboarded.get("appDId").asText());
        assertEquals("127.0.0.1:5000/edgeslice/iot-slice:0.1.0", onboarded.at("/softwareImages/0/imagePath").asText());
        assertEquals(root() + "/app_pkgm/v1/app_packages/" + id + "/appd", onboarded.at("/_links/appD/href").asText());
        JsonNode onboardedNote = cb.await(n -> "AppPackageOnBoarded".equals(n.path("notificationType").asText())
                && id.equals(n.path("appPkgId").asText()), 10_000);
        assertEquals(appDId, onboardedNote.get("appDId").asText());
        assertTrue(onboardedNote.at("/timeStamp/seconds").isNumber());
        assertEquals(409, bytes("PUT", "app_pkgm/v1/app_packages/" + id + "/package_content", zip,
                "Content-Type", "application/zip").statusCode());

        // AppD in three forms, and nothing but GET on it
        Http.Reply text = api().get("app_pkgm/v1/app_packages/" + id + "/appd", "text/plain");
        assertEquals(200, text.status());
        assertTrue(text.contentType().startsWith("text/plain"), text.contentType());
        assertTrue(text.body().contains(appDId));
        HttpResponse<byte[]> appDZip = bytes("GET", "app_pkgm/v1/app_packages/" + id + "/appd", null, "Accept", "application/zip");
        assertEquals(200, appDZip.statusCode());
        assertEquals('P', (char) appDZip.body()[0]);
        Http.Reply json = api().get("app_pkgm/v1/onboarded_app_packages/" + appDId + "/appd", "application/json");
        assertEquals("iot-slice", json.json().get("appName").asText(), json.toString());
        assertEquals(250, json.json().at("/virtualComputeDescriptor/virtualCpu/vduCpuRequirements/cpuMillis").asInt());
        assertProblem(api().post("app_pkgm/v1/app_packages/" + id + "/appd", "{}"), 405);
        assertProblem(api().delete("app_pkgm/v1/app_packages/" + id + "/appd"), 405);

        // package content: whole, a range, an unsatisfiable range, JSON refused
        HttpResponse<byte[]> whole = bytes("GET", "app_pkgm/v1/app_packages/" + id + "/package_content", null, "Accept", "application/zip");
        assertEquals(200, whole.statusCode());
        assertArrayEquals(zip, whole.body());
        HttpResponse<byte[]> part = bytes("GET", "app_pkgm/v1/onboarded_app_packages/" + appDId + "/package_content", null,
                "Accept", "application/zip", "Range", "bytes=0-9");
        assertEquals(206, part.statusCode());
        assertEquals(10, part.body().length);
        assertEquals("bytes 0-9/" + zip.length, part.headers().firstValue("Content-Range").orElseThrow());
        assertEquals(416, bytes("GET", "app_pkgm/v1/app_packages/" + id + "/package_content", null, "Range",
                "bytes=" + zip.length + "-").statusCode());
        assertProblem(api().get("app_pkgm/v1/app_packages/" + id + "/package_content", "application/json"), 400);
        assertEquals(409, bytes("PUT", "app_pkgm/v1/onboarded_app_packages/" + appDId + "/package_content", zip,
                "Content-Type", "application/zip").statusCode());

        // onboarded_app_packages and selectors
        assertEquals(id, api().get("app_pkgm/v1/onboarded_app_packages/" + appDId).json().get("id").asText());
        assertProblem(api().get("app_pkgm/v1/onboarded_app_packages/nope"), 404);
        JsonNode filtered = api().get("app_pkgm/v1/app_packages?filter=(eq,appDId," + appDId + ")&exclude_default").json();
        assertEquals(1, filtered.size(), filtered.toString());
        assertFalse(filtered.get(0).has("softwareImages"));
        assertEquals(1, api().get("app_pkgm/v1/onboarded_app_packages?filter=(eq,id," + id + ")&fields=appName").json().size());
        assertProblem(api().get("app_pkgm/v1/app_packages?operationalStatus=ENABLED"), 400);

        // enable/disable: the v2.1.1 attribute name is accepted, the v3.x one echoed
        Http.Reply disabled = api().patch("app_pkgm/v1/app_packages/" + id, "{\"operationState\": \"DISABLED\"}",
                "application/merge-patch+json");
        assertEquals(200, disabled.status(), disabled.toString());
        assertEquals("DISABLED", disabled.json().get("operationalState").asText());
        cb.await(n -> "AppPacakgeDisabled".equals(n.path("notificationType").asText()) && id.equals(n.path("appPkgId").asText()), 10_000);
        assertProblem(api().patch("app_pkgm/v1/app_packages/" + id, "{\"operationalState\": \"DISABLED\"}", "application/json"), 409);
        assertProblem(api().patch("app_pkgm/v1/app_packages/" + id, "{\"operationalState\": \"SLEEPING\"}", "application/json"), 400);
        assertProblem(api().patch("app_pkgm/v1/app_packages/" + id, "{\"state\": \"ENABLED\"}", "application/json"), 400);
        assertProblem(api().post("app_lcm/v1/app_instances", "{\"appDId\": \"" + appDId + "\"}"), 409);
        assertEquals(200, api().patch("app_pkgm/v1/app_packages/" + id, "{\"operationalState\": \"ENABLED\"}", "application/json").status());

        // subscriptions are listed with the standard's misspelt item attribute
        JsonNode links = api().get("app_pkgm/v1/subscriptions").json();
        assertTrue(links.at("/_links/subscriptions").findValuesAsText("subsctiptionType").contains("AppPackageDeletion"), links.toString());
        String subId = sub.json().get("id").asText();
        assertEquals(hook, api().get("app_pkgm/v1/subscriptions/" + subId).json().get("callbackUri").asText());

        assertEquals(204, api().delete("app_pkgm/v1/app_packages/" + id).status());
        cb.await(n -> "AppPackageDeleted".equals(n.path("notificationType").asText()) && id.equals(n.path("appPkgId").asText()), 10_000);
        assertProblem(api().get("app_pkgm/v1/app_packages/" + id), 404);
        assertProblem(api().delete("app_pkgm/v1/app_packages/" + id), 404);
        for (Http.Reply s : List.of(sub, opSub, delSub)) {
            assertEquals(204, api().delete("app_pkgm/v1/subscriptions/" + s.json().get("id").asText()).status());
        }
        assertProblem(api().get("app_pkgm/v1/subscriptions/" + subId), 404);
    }

    @Test
    void packagesAreOnboardedFromAFilePathAndABadChecksumEndsInAClearError() throws Exception {
        String appDId = "appd-path-" + UUID.randomUUID();
        byte[] zip = TestPackages.zip("Definitions/appd.json", TestPackages.appD(appDId));
        Path file = Files.createTempFile(Path.of(System.getProperty("payara.tmpdir", "target")), "pkg", ".zip");
        Files.write(file, zip);
        String good = api().post("app_pkgm/v1/app_packages", """
                {"appPkgName": "p", "appPkgVersion": "1", "appPkgPath": "%s", "checksum": {"algorithm": "SHA-256", "hash": "%s"}}"""
                .formatted(file.toUri(), TestPackages.sha256(zip))).json().get("id").asText();
        String wrong = api().post("app_pkgm/v1/app_packages", """
                {"appPkgName": "p", "appPkgVersion": "1", "appPkgPath": "%s", "checksum": {"algorithm": "SHA-256", "hash": "abcd"}}"""
                .formatted(file.toAbsolutePath())).json().get("id").asText();
        long deadline = System.currentTimeMillis() + 15_000;
        JsonNode g;
        JsonNode w;
        do {
            Thread.sleep(100);
            g = api().get("app_pkgm/v1/app_packages/" + good).json();
            w = api().get("app_pkgm/v1/app_packages/" + wrong).json();
        } while ((!"ONBOARDED".equals(g.get("onboardingState").asText()) || !w.has("onboardingFailure"))
                && System.currentTimeMillis() < deadline);
        assertEquals("ONBOARDED", g.get("onboardingState").asText(), g.toString());
        assertEquals("CREATED", w.get("onboardingState").asText(), w.toString());
        assertTrue(w.get("onboardingFailure").asText().contains("checksum mismatch"), w.toString());
        assertProblem(api().post("app_pkgm/v1/app_packages", """
                {"appPkgName": "p", "appPkgVersion": "1", "appPkgPath": "http://192.0.2.1/p.zip", "checksum": {"algorithm": "SHA-256", "hash": "ab"}}"""), 400);
        assertProblem(api().post("app_pkgm/v1/app_packages", "{\"appPkgName\": \"p\", \"appPkgVersion\": \"1\"}"), 400);
        assertProblem(api().post("app_pkgm/v1/app_packages", """
                {"appPkgName": "p", "appPkgVersion": 1, "checksum": {"algorithm": "SHA-256", "hash": "ab"}}"""), 400);
        assertProblem(api().post("app_pkgm/v1/app_packages", """
                {"appPkgName": "p", "appPkgVersion": "1", "checksum": {"algorithm": "SHA-256", "hash": "ab"}, "colour": "red"}"""), 400);
        assertProblem(api().post("app_pkgm/v1/app_packages", "not json"), 400);
    }

    // ------------------------------------------------------------------ hosts and granting

    @Test
    void hostsRegisterIdempotentlyAndTheMeoSubscribesAtTheirMepm() throws Exception {
        FakeMepm m = mepm();
        Http.Reply again = api().put("mec_hosts/v1/hosts/edge-it", m.hostInfo(37.56, 126.97, "kr-seoul", 4000, 8192));
        assertEquals(200, again.status(), again.toString());
        assertProblem(api().put("mec_hosts/v1/hosts/other", m.hostInfo(0, 0, "z", 1, 1)), 400);
        assertProblem(api().put("mec_hosts/v1/hosts/edge-it", "{\"hostId\": \"edge-it\", \"nmae\": \"x\"}"), 400);
        JsonNode all = api().get("mec_hosts/v1/hosts").json();
        assertTrue(all.findValuesAsText("hostId").contains("edge-it"), all.toString());
        JsonNode one = api().get("mec_hosts/v1/hosts/edge-it").json();
        assertEquals(m.apiRoot(), one.get("mepmApiRoot").asText());
        assertEquals(4000, one.at("/capacity/cpuMillis").asInt());
        assertTrue(one.at("/allocated/cpuMillis").isNumber());
        assertProblem(api().get("mec_hosts/v1/hosts/nope"), 404);
        long deadline = System.currentTimeMillis() + 10_000;
        while (m.subscriberCount() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(m.subscriberCount() >= 2, "the MEO subscribed for op occurrence and instance changes");
    }

    @Test
    void grantsAreValidatedRecordedAndRefusedWhenTheHostIsFull() throws Exception {
        mepm();
        assertProblem(api().post("granting/v1/grants", "{\"appInstanceId\": \"x\"}"), 400);
        assertProblem(api().post("granting/v1/grants", """
                {"appInstanceId": "g1", "appLcmOpOccId": "o1", "appDId": "d", "operation": "MIGRATE"}"""), 400);
        String big = """
                {"appInstanceId": "%s", "appLcmOpOccId": "o1", "appDId": "d", "operation": "INSTANTIATE",
                 "addResources": [{"id": "c1", "type": "COMPUTE", "resourceTemplateId": "v",
                   "virtualComputeDescriptor": {"virtualComputeDescId": "v", "virtualCpu": {"numVirtualCpu": %d},
                     "virtualMemory": {"virtualMemSize": 64}}}],
                 "additionalParams": {"hostId": "%s"},
                 "_links": {"appLcmOpOcc": {"href": "http://127.0.0.1:1/o1"}, "appInstance": {"href": "http://127.0.0.1:1/i"}}}""";
        assertProblem(api().post("granting/v1/grants", big.formatted("g1", 1, "nowhere")), 404);
        assertProblem(api().post("granting/v1/grants", big.formatted("g1", 64, "edge-it")), 403);
        int allocatedBefore = api().get("mec_hosts/v1/hosts/edge-it").json().at("/allocated/cpuMillis").asInt();
        String standalone = "g-" + UUID.randomUUID();
        Http.Reply ok = api().post("granting/v1/grants", big.formatted(standalone, 1, "edge-it"));
        assertEquals(201, ok.status(), ok.toString());
        assertEquals(allocatedBefore + 1000, api().get("mec_hosts/v1/hosts/edge-it").json().at("/allocated/cpuMillis").asInt());
        Http.Reply released = api().post("granting/v1/grants", big.formatted(standalone, 1, "edge-it")
                .replace("\"INSTANTIATE\"", "\"TERMINATE\"").replace("addResources", "removeResources"));
        assertEquals(201, released.status(), released.toString());
        assertEquals(allocatedBefore, api().get("mec_hosts/v1/hosts/edge-it").json().at("/allocated/cpuMillis").asInt());
        assertEquals("edge-it", ok.json().at("/zones/0/zoneId").asText());
        assertEquals(1000, ok.json().at("/additionalParams/cpuMillis").asInt());
        String location = ok.header("Location").orElseThrow();
        assertEquals(ok.json().get("id").asText(), api().get(location).json().get("id").asText());
        assertProblem(api().get("granting/v1/grants/nope"), 404);
    }

    @Test
    void aGrantThatMustWaitForCapacityInFlightIsAcceptedAndDecidedWhenPolled() throws Exception {
        FakeMepm small;
        synchronized (MeoIT.class) {
            if (smallMepm == null) {
                smallMepm = new FakeMepm(root(), "edge-small");
                Http.Reply r = api().put("mec_hosts/v1/hosts/edge-small", smallMepm.hostInfo(-45.0, -170.0, "far-away", 1000, 4096));
                assertTrue(r.status() == 201 || r.status() == 200, r.toString());
            }
            small = smallMepm;
        }
        String[] pkg = onboardedPackage("appd-async-" + UUID.randomUUID(), 800);
        String onSmall = "{\"selectedMECHostInfo\": [{\"hostId\": \"edge-small\"}]}";
        String grant = """
                {"appInstanceId": "%s", "appLcmOpOccId": "o-%s", "appDId": "d", "operation": "INSTANTIATE",
                 "addResources": [{"id": "c1", "type": "COMPUTE", "resourceTemplateId": "v",
                   "virtualComputeDescriptor": {"virtualComputeDescId": "v",
                     "virtualCpu": {"numVirtualCpu": 1, "vduCpuRequirements": {"cpuMillis": "500"}},
                     "virtualMemory": {"virtualMemSize": 64}}}],
                 "additionalParams": {"hostId": "edge-small"},
                 "_links": {"appLcmOpOcc": {"href": "http://127.0.0.1:1/o"}, "appInstance": {"href": "http://127.0.0.1:1/i"}}}""";

        // 800m of the 1000m are held by an instance being terminated: the grant waits (202) and is granted once the
        // termination gave the capacity back
        String a = createInstance(pkg[1]);
        assertEquals("COMPLETED", awaitFinal(task(a, "instantiate", onSmall)).get("operationState").asText());
        small.hold = new java.util.concurrent.CountDownLatch(1);
        String terminating = task(a, "terminate", "{\"terminationType\": \"FORCEFUL\"}");
        String waiting = "w-" + UUID.randomUUID();
        Http.Reply accepted = api().post("granting/v1/grants", grant.formatted(waiting, waiting));
        assertEquals(202, accepted.status(), accepted.toString());
        String location = accepted.header("Location").orElseThrow();
        assertTrue(location.startsWith(root() + "/granting/v1/grants/"), location);
        Http.Reply poll = api().get(location);
        assertEquals(202, poll.status(), "still held by the termination: " + poll);
        small.hold.countDown();
        small.hold = null;
        assertEquals("COMPLETED", awaitFinal(terminating).get("operationState").asText());
        poll = api().get(location);
        assertEquals(200, poll.status(), poll.toString());
        assertEquals(waiting, poll.json().get("appInstanceId").asText());
        assertEquals(location, poll.json().at("/_links/self/href").asText());
        assertEquals(500, api().get("mec_hosts/v1/hosts/edge-small").json().at("/allocated/cpuMillis").asInt());
        assertEquals(200, api().get(location).status(), "decided once, stays granted");

        // an instantiation of 800m in flight holds the capacity: the grant of a third requester waits while it
        // runs and is refused (403) once it completed without giving room back
        String b = createInstance(pkg[1]);
        assertEquals(201, api().post("granting/v1/grants", grant.formatted(waiting, waiting)
                .replace("\"INSTANTIATE\"", "\"TERMINATE\"").replace("addResources", "removeResources")).status());
        small.hold = new java.util.concurrent.CountDownLatch(1);
        String instantiating = task(b, "instantiate", onSmall);
        // the instantiation runs asynchronously: the third grant must come once it holds its 800m
        long until = System.currentTimeMillis() + 10_000;
        while (api().get("mec_hosts/v1/hosts/edge-small").json().at("/allocated/cpuMillis").asInt() < 800
                && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        String refused = "r-" + UUID.randomUUID();
        Http.Reply pending = api().post("granting/v1/grants", grant.formatted(refused, refused));
        assertEquals(202, pending.status(), pending.toString());
        small.hold.countDown();
        small.hold = null;
        assertEquals("COMPLETED", awaitFinal(instantiating).get("operationState").asText());
        assertProblem(api().get(pending.header("Location").orElseThrow()), 403);
        assertProblem(api().get(pending.header("Location").orElseThrow()), 403);
        assertEquals("COMPLETED", awaitFinal(task(b, "terminate", "{\"terminationType\": \"FORCEFUL\"}")).get("operationState").asText());
        assertEquals(204, api().delete("app_lcm/v1/app_instances/" + b).status());
        assertEquals(204, api().delete("app_lcm/v1/app_instances/" + a).status());
        assertEquals(0, api().get("mec_hosts/v1/hosts/edge-small").json().at("/allocated/cpuMillis").asInt());
    }

    @Test
    void theCollectionShowsEveryAcknowledgedChangeAtOnce() throws Exception {
        mepm();
        String[] pkg = onboardedPackage("appd-list-" + UUID.randomUUID(), 100);
        for (int round = 0; round < 3; round++) {
            String id = createInstance(pkg[1]);
            assertEquals("NOT_INSTANTIATED", listed(id).get("instantiationState").asText());
            assertEquals(api().get("app_lcm/v1/app_instances/" + id).json(), listed(id), "the same representation");
            assertEquals("COMPLETED", awaitFinal(task(id, "instantiate", "{\"selectedMECHostInfo\": [{\"hostId\": \"edge-it\"}]}"))
                    .get("operationState").asText());
            assertEquals("STARTED", listed(id).at("/instantiatedAppState/operationalState").asText());
            assertEquals("COMPLETED", awaitFinal(task(id, "operate", "{\"changeStateTo\": \"STOPPED\"}")).get("operationState").asText());
            assertEquals("STOPPED", listed(id).at("/instantiatedAppState/operationalState").asText());
            assertEquals(id, api().get("app_lcm/v1/app_instances?filter=(eq,id," + id + ")&fields=appName").json().get(0).get("id").asText());
            assertEquals("COMPLETED", awaitFinal(task(id, "terminate", "{\"terminationType\": \"FORCEFUL\"}")).get("operationState").asText());
            assertEquals("NOT_INSTANTIATED", listed(id).get("instantiationState").asText());
            assertEquals(204, api().delete("app_lcm/v1/app_instances/" + id).status());
            assertEquals(null, listed(id), "gone from the collection with the 204");
        }
    }

    /** The instance as GET app_instances (no selectors) shows it, or null. */
    private JsonNode listed(String id) {
        Http.Reply r = api().get("app_lcm/v1/app_instances");
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        for (JsonNode i : r.json()) {
            if (i.get("id").asText().equals(id)) {
                return i;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ lifecycle management

    @Test
    void anInstanceGoesThroughTheWholeLifecycleWithNotifications() throws Exception {
        FakeMepm m = mepm();
        CallbackReceiver cb = callbacks();
        String hook = cb.url("lcm-" + UUID.randomUUID());
        String[] pkg = onboardedPackage("appd-lcm-" + UUID.randomUUID(), 250);
        String filter = "\"appInstanceSubscriptionFilter\": {\"appInstSelectorType\": \"APP_D_ID\", \"appInstances\": [\"" + pkg[1] + "\"]}";
        for (String body : List.of(
                "{\"subscriptionType\": \"AppInstIdCreationSubscription\", \"callbackUri\": \"" + hook + "\", " + filter + "}",
                "{\"subscriptionType\": \"AppInstIdDeletionSubscription\", \"callbackUri\": \"" + hook + "\", " + filter + "}",
                "{\"subscriptionType\": \"AppInstanceStateChange\", \"callbackUri\": \"" + hook + "\", " + filter + "}",
                "{\"subscriptionType\": \"AppLcmOpOccStateChangeSubscription\", \"callbackUri\": \"" + hook + "\","
                        + " \"appLcmOpOccSubscriptionFilter\": {" + filter + "}}")) {
            Http.Reply s = api().post("app_lcm/v1/subscriptions", body);
            assertEquals(201, s.status(), s.toString());
            assertEquals(hook, s.json().get("callbackUri").asText());
        }
        assertProblem(api().post("app_lcm/v1/subscriptions", "{\"subscriptionType\": \"Whatever\", \"callbackUri\": \"" + hook + "\"}"), 400);
        assertProblem(api().post("app_lcm/v1/subscriptions", "{\"subscriptionType\": \"AppInstanceStateChangeSubscription\"}"), 400);
        JsonNode subs = api().get("app_lcm/v1/subscriptions?subscriptionType=AppLcmOpOccStateChangeSubscription").json();
        assertTrue(subs.at("/_links/subscriptions").size() >= 1, subs.toString());

        // create
        assertProblem(api().post("app_lcm/v1/app_instances", "{\"appDid\": \"" + pkg[1] + "\"}"), 400);
        assertProblem(api().post("app_lcm/v1/app_instances", "{\"appDId\": \"unknown\"}"), 404);
        Http.Reply created = api().post("app_lcm/v1/app_instances", "{\"appDId\": \"" + pkg[1] + "\", \"appInstanceName\": \"a\"}");
        assertEquals(201, created.status(), created.toString());
        String id = created.json().get("id").asText();
        assertEquals(root() + "/app_lcm/v1/app_instances/" + id, created.header("Location").orElseThrow());
        assertEquals("NOT_INSTANTIATED", created.json().get("instantiationState").asText());
        assertEquals(pkg[0], created.json().get("appPkgId").asText());
        assertEquals("IN_USE", api().get("app_pkgm/v1/app_packages/" + pkg[0]).json().get("usageState").asText());
        assertProblem(api().delete("app_pkgm/v1/app_packages/" + pkg[0]), 409);
        cb.await(n -> "AppInstanceIdentifierCreationNotification".equals(n.path("notificationType").asText())
                && id.equals(n.path("appInstanceId").asText()), 10_000);

        // instantiate
        assertProblem(api().post("app_lcm/v1/app_instances/" + id + "/instantiate", "{\"selectedMECHostInfo\": [{\"hostId\": \"nope\"}]}"), 404);
        assertProblem(api().post("app_lcm/v1/app_instances/" + id + "/instantiate", "{\"selectedMECHostInfo\": [], \"colour\": 1}"), 400);
        assertProblem(api().post("app_lcm/v1/app_instances/nope/instantiate", "{}"), 404);
        String op = task(id, "instantiate", "{\"selectedMECHostInfo\": [{\"hostId\": {\"id\": \"edge-it\"}, \"hostName\": \"h\"}]}");
        JsonNode done = awaitFinal(op);
        assertEquals("COMPLETED", done.get("operationState").asText(), done.toString());
        assertEquals("INSTATIATE", done.get("lcmOperation").asText());
        assertTrue(done.at("/startTime/seconds").isNumber() && done.at("/stateEnteredTime/nanoSeconds").isNumber(), done.toString());
        assertEquals(root() + "/app_lcm/v1/app_instances/" + id, done.at("/_links/appInstance/href").asText());
        assertTrue(done.get("placement").asText().contains("edge-it"), done.toString());
        JsonNode inst = api().get("app_lcm/v1/app_instances/" + id).json();
        assertEquals("INSTANTIATED", inst.get("instantiationState").asText());
        assertEquals("STARTED", inst.at("/instantiatedAppState/operationalState").asText());
        assertEquals("edge-it", inst.at("/mecHostInformation/hostId").asText());
        assertTrue(m.calls.contains("POST app_lcm/v1/app_instances/" + id + "/instantiate"), m.calls.toString());
        assertEquals(id, m.instance(id).get("id").asText(), "one id at the MEO and the MEPM");
        assertTrue(m.grants.stream().anyMatch(g -> g.get("appInstanceId").asText().equals(id)), "the MEPM got a grant");
        assertTrue(api().get("mec_hosts/v1/hosts/edge-it").json().at("/allocated/cpuMillis").asInt() >= 250);
        for (String state : List.of("STARTING", "PROCESSING", "COMPLETED")) {
            cb.await(n -> state.equals(n.path("notificationType").asText()) && id.equals(n.path("appInstanceId").asText())
                    && n.has("appLcmOpOccId"), 10_000);
        }
        cb.await(n -> "STARTED".equals(n.path("notificationType").asText()) && id.equals(n.path("appInstanceId").asText()), 10_000);

        // wrong states
        assertProblem(api().post("app_lcm/v1/app_instances/" + id + "/instantiate", "{}"), 409);
        assertProblem(api().delete("app_lcm/v1/app_instances/" + id), 409);
        assertProblem(api().post("app_lcm/v1/app_instances/" + id + "/operate", "{\"changeStateTo\": \"STARTED\"}"), 409);
        assertProblem(api().post("app_lcm/v1/app_instances/" + id + "/operate", "{\"changeStateTo\": \"PAUSED\"}"), 400);

        // selectors on instances and op occurrences
        JsonNode listed = api().get("app_lcm/v1/app_instances?filter=(eq,id," + id + ");(eq,instantiationState,INSTANTIATED)&fields=appName").json();
        assertEquals(1, listed.size(), listed.toString());
        assertFalse(listed.get(0).has("appDVersion"));
        assertEquals(0, api().get("app_lcm/v1/app_instances?filter=(neq,id," + id + ");(in,id," + id + ")").json().size());
        assertEquals(200, api().get("app_lcm/v1/app_instances?page=1&size=10").status());
        assertProblem(api().get("app_lcm/v1/app_instances?filter=(like,id,x)"), 400);
        assertProblem(api().get("app_lcm/v1/app_instances?colour=blue"), 400);
        JsonNode ops = api().get("app_lcm/v1/app_lcm_op_occs?filter=(eq,appInstanceId," + id + ")&exclude_default").json();
        assertEquals(1, ops.size(), ops.toString());
        assertFalse(ops.get(0).has("operationParams"));
        assertProblem(api().get("app_lcm/v1/app_lcm_op_occs/nope"), 404);

        // operate
        JsonNode stopped = awaitFinal(task(id, "operate", "{\"changeStateTo\": \"STOPPED\", \"stopType\": \"GRACEFUL\", \"gracefulStopTimeout\": 5}"));
        assertEquals("COMPLETED", stopped.get("operationState").asText(), stopped.toString());
        assertEquals("OPERATE", stopped.get("lcmOperation").asText());
        assertEquals("STOPPED", api().get("app_lcm/v1/app_instances/" + id).json().at("/instantiatedAppState/operationalState").asText());
        assertEquals("COMPLETED", awaitFinal(task(id, "operate", "{\"changeStateTo\": \"STARTED\"}")).get("operationState").asText());

        // an unsolicited MEPM notification (the container died) is followed
        m.containerDied(id);
        long deadline = System.currentTimeMillis() + 5000;
        while (!"STOPPED".equals(api().get("app_lcm/v1/app_instances/" + id).json().at("/instantiatedAppState/operationalState").asText())
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals("STOPPED", api().get("app_lcm/v1/app_instances/" + id).json().at("/instantiatedAppState/operationalState").asText());

        // terminate and delete
        assertProblem(api().post("app_lcm/v1/app_instances/" + id + "/terminate", "{\"terminationType\": \"SOFT\"}"), 400);
        assertProblem(api().post("app_lcm/v1/app_instances/" + id + "/terminate", "{}"), 400);
        JsonNode terminated = awaitFinal(task(id, "terminate", "{\"terminationType\": \"GRACEFUL\", \"gracefulTerminationTimeout\": 5}"));
        assertEquals("COMPLETED", terminated.get("operationState").asText(), terminated.toString());
        JsonNode notInst = api().get("app_lcm/v1/app_instances/" + id).json();
        assertEquals("NOT_INSTANTIATED", notInst.get("instantiationState").asText());
        assertFalse(notInst.has("instantiatedAppState"));
        assertEquals(null, m.instance(id), "the MEPM's instance resource is gone");
        cb.await(n -> "NOT_INSTANTIATED".equals(n.path("notificationType").asText()) && id.equals(n.path("appInstanceId").asText()), 10_000);
        assertProblem(api().post("app_lcm/v1/app_instances/" + id + "/terminate", "{\"terminationType\": \"FORCEFUL\"}"), 409);
        assertEquals(204, api().delete("app_lcm/v1/app_instances/" + id).status());
        cb.await(n -> "AppInstanceIdentifierDeletionNotification".equals(n.path("notificationType").asText())
                && id.equals(n.path("appInstanceId").asText()), 10_000);
        assertProblem(api().get("app_lcm/v1/app_instances/" + id), 404);
        assertProblem(api().delete("app_lcm/v1/app_instances/" + id), 404);
        assertEquals("NOT_IN_USE", api().get("app_pkgm/v1/app_packages/" + pkg[0]).json().get("usageState").asText());

        // subscriptions can be read and removed
        JsonNode all = api().get("app_lcm/v1/subscriptions").json().at("/_links/subscriptions");
        for (JsonNode s : all) {
            String href = s.get("href").asText();
            if (api().get(href).json().get("callbackUri").asText().equals(hook)) {
                assertEquals(204, api().delete(href).status());
                assertProblem(api().get(href), 404);
            }
        }
    }

    @Test
    void failedOperationsCanBeRetriedOrFailedAndCancelOnlyAppliesWhileRunning() throws Exception {
        FakeMepm m = mepm();
        String[] pkg = onboardedPackage("appd-err-" + UUID.randomUUID(), 100);
        String id = createInstance(pkg[1]);
        m.down = true;
        String op = task(id, "instantiate", "{\"selectedMECHostInfo\": [{\"hostId\": \"edge-it\"}]}");
        JsonNode failed = awaitFinal(op);
        m.down = false;
        assertEquals("FAILED_TEMP", failed.get("operationState").asText(), failed.toString());
        assertEquals(503, failed.at("/error/status").asInt(), failed.toString());
        assertTrue(failed.at("/_links/retry/href").asText().endsWith("/retry"), failed.toString());
        assertProblem(api().post(op + "/cancel", "{\"cancelMode\": \"GRACEFUL\"}"), 409);
        assertProblem(api().post(op + "/cancel", "{\"cancelMode\": \"SOMETIMES\"}"), 400);
        assertProblem(api().post("app_lcm/v1/app_instances/" + id + "/instantiate", "{}"), 409);
        Http.Reply retry = api().post(op + "/retry", "");
        assertEquals(202, retry.status(), retry.toString());
        assertEquals("COMPLETED", awaitFinal(op).get("operationState").asText());
        assertProblem(api().post(op + "/retry", ""), 409);
        assertProblem(api().post(op + "/fail", ""), 409);

        m.failNextOperation = true;
        String term = task(id, "terminate", "{\"terminationType\": \"FORCEFUL\"}");
        JsonNode termFailed = awaitFinal(term);
        assertEquals("FAILED_TEMP", termFailed.get("operationState").asText(), termFailed.toString());
        assertTrue(termFailed.at("/error/detail").asText().contains("fake"), termFailed.toString());
        Http.Reply fail = api().post(term + "/fail", "");
        assertEquals(200, fail.status(), fail.toString());
        assertEquals("FAILED", fail.json().get("operationState").asText());
        assertEquals("INSTANTIATED", api().get("app_lcm/v1/app_instances/" + id).json().get("instantiationState").asText());
        assertEquals("COMPLETED", awaitFinal(task(id, "terminate", "{\"terminationType\": \"FORCEFUL\"}")).get("operationState").asText());
        assertEquals(204, api().delete("app_lcm/v1/app_instances/" + id).status());

        // a slow MEPM: cancel while PROCESSING
        String id2 = createInstance(pkg[1]);
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        m.hold = held;
        try {
            String op2 = task(id2, "instantiate", "{}");
            awaitOp(op2, "PROCESSING"::equals);
            Http.Reply cancel = api().post(op2 + "/cancel", "{\"cancelMode\": \"FORCEFUL\"}");
            assertEquals(202, cancel.status(), cancel.toString());
            JsonNode cancelled = awaitFinal(op2);
            assertEquals("FAILED_TEMP", cancelled.get("operationState").asText(), cancelled.toString());
            assertEquals(200, api().post(op2 + "/fail", "").status());
        } finally {
            m.hold = null;
            held.countDown();
        }
    }

    @Test
    void notificationsAreRedeliveredUntilTheConsumerAccepts() throws Exception {
        CallbackReceiver cb = callbacks();
        String hook = cb.url("retry-" + UUID.randomUUID());
        api().post("app_pkgm/v1/subscriptions", "{\"callbackUri\": \"" + hook + "\", \"subscriptionType\": \"AppPackageOnBoardingSubscription\"}");
        int refusedBefore = cb.refused();
        cb.failNext(2);
        String[] pkg = onboardedPackage("appd-retry-" + UUID.randomUUID(), 100);
        cb.await(n -> pkg[0].equals(n.path("appPkgId").asText()), 20_000);
        assertTrue(cb.refused() - refusedBefore >= 2, "delivered after two refusals");
    }

    // ------------------------------------------------------------------ platform

    @Test
    void readinessAndContract() throws Exception {
        Http.Reply ready = new Http(Deployments.serverRoot(deployed)).get("health/ready");
        assertEquals(200, ready.status(), ready.toString());
        assertTrue(ready.body().contains("meo-database"), ready.body());
        Http.Reply served = new Http(Deployments.serverRoot(deployed)).get("openapi", "application/json");
        Files.writeString(Path.of(System.getProperty("payara.tmpdir", "target"), "served-openapi.json"), served.body());
        ContractCheck.assertServes(Deployments.serverRoot(deployed), "/meo", "meo");
        // the _links of the MEC 010-2 records are named schemas, not anonymous objects, and every $ref resolves
        JsonNode schemas = served.json().at("/components/schemas");
        for (String type : List.of("AppInstanceInfo", "AppLcmOpOcc", "AppPkgInfo", "Grant", "LcmSubscriptionInfo",
                "AppPkgSubscriptionInfo", "LcmSubscriptionLinkList")) {
            assertEquals("#/components/schemas/" + type + "Links", schemas.at("/" + type + "/properties/_links/$ref").asText(),
                    type + "._links: " + schemas.at("/" + type + "/properties/_links"));
            assertTrue(schemas.path(type).path("required").toString().contains("\"_links\""), type + " requires _links");
            assertEquals("object", schemas.at("/" + type + "Links/type").asText(), type + "Links");
        }
        assertEquals("#/components/schemas/LinkType", schemas.at("/AppInstanceInfoLinks/properties/self/$ref").asText());
        List<String> unresolved = new ArrayList<>();
        served.json().findValues("$ref").forEach(ref -> {
            String r = ref.asText();
            if (!r.startsWith("#/components/") || served.json().at(r.substring(1)).isMissingNode()) {
                unresolved.add(r);
            }
        });
        assertTrue(unresolved.isEmpty(), "unresolvable $ref in the served document: " + unresolved);
        assertProblem(api().get("app_lcm/v1/nothing"), 404);
        assertNotNull(root());
    }
}
