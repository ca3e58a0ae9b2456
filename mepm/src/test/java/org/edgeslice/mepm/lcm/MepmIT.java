package org.edgeslice.mepm.lcm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgeslice.mepm.bench.BenchImages;
import org.edgeslice.mepm.testapp.TestApps;
import org.edgeslice.mepm.virt.Labels;
import org.edgeslice.mepm.virt.docker.DockerDriver;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The MEPM WAR in Payara Micro, driven over Mm3 as the MEO would, with a fake MEO and MEC platform in this JVM
 * (127.0.0.1:{@code mepm.it.fakePort}) and the real Docker Engine (or local processes where there is none).
 * One class, one Payara: the lifecycle runs in order.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MepmIT {

    static final String HOST_ID = "it-host";
    static FakeMeoAndPlatform fake;
    static boolean docker;

    @Deployment(testable = false)
    static WebArchive war() throws Exception {
        startFake();
        return Deployments.builtWar();
    }

    static synchronized void startFake() throws Exception {
        if (fake != null) {
            return;
        }
        fake = new FakeMeoAndPlatform(Integer.getInteger("mepm.it.fakePort", 18997));
        fake.expectedBearer = "it-mm5-secret";
        String appD = """
                {"appDId":"%s","appName":"hello","appProvider":"edgeslice-test","appSoftVersion":"1","appDVersion":"1",
                 "mecVersion":["3.1.1"],"appDescription":"test app",
                 "virtualComputeDescriptor":{"virtualComputeDescId":"vcd-hello","virtualMemory":{"virtualMemSize":64},
                   "virtualCpu":{"numVirtualCpu":1,"vduCpuRequirements":{"cpuMillis":"250"}}},
                 "swImageDescriptor":{"id":"img","name":"hello","version":"1","containerFormat":"DOCKER","swImage":"%s"},
                 "appTrafficRule":[{"trafficRuleId":"tr1","filterType":"FLOW","priority":1,
                   "trafficFilter":[{"dstPort":["8080"]}],"action":"FORWARD_AS_IS"}],
                 "appDNSRule":[{"dnsRuleId":"dns1","domainName":"hello.mec","ipAddressType":"IP_V4","ipAddress":"127.0.0.1"}],
                 "appServiceProduced":[{"serName":"hello-service","version":"1"}],
                 "appPorts":{"http":8080},
                 "terminateAppInstanceOpConfig":{"maxRecommendedGracefulTerminationTimeout":5}}
                """;
        fake.appDs.put("appd-hello", appD.formatted("appd-hello", BenchImages.IMAGE));
        fake.appDs.put("appd-denied", appD.formatted("appd-denied", BenchImages.IMAGE));
        fake.appDs.put("appd-slowgrant", appD.formatted("appd-slowgrant", BenchImages.IMAGE));
        fake.appDs.put("appd-stuckgrant", appD.formatted("appd-stuckgrant", BenchImages.IMAGE));
        fake.appDs.put("appd-restart", appD.formatted("appd-restart", BenchImages.IMAGE).replace("\"appPorts\"",
                "\"changeAppInstanceStateOpConfig\":{\"parameters\":{\"restartOnFailure\":true}},\"appPorts\""));
        docker = DockerDriver.reachable(BenchImages.dockerHost());
        if (docker) {
            BenchImages.ensureImage(BenchImages.client(BenchImages.dockerHost()));
        } else {
            TestApps.assumeDocker(false); // fails under edgeslice.requireDocker=true
        }
        // the local-process driver's artifact, for a machine without an engine
        BenchImages.jar(Path.of(System.getProperty("mepm.test.dir", "target/mepm-test"), "artifacts/edgeslice-test/hello/app.jar"));
    }

    @AfterAll
    static void stopFake() {
        if (fake != null) {
            fake.close();
        }
    }

    @BeforeAll
    static void fakeUp() throws Exception {
        startFake();
    }

    @ArquillianResource
    URL deployed;

    private Http api() {
        return new Http(Deployments.loopback(deployed));
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private JsonNode awaitOp(Http.Reply accepted) {
        assertEquals(202, accepted.status(), accepted.toString());
        String location = accepted.header("Location").orElseThrow();
        assertTrue(location.contains("/app_lcm/v1/app_lcm_op_occs/"), location);
        JsonNode[] op = new JsonNode[1];
        await("op " + location, Duration.ofSeconds(60), () -> {
            op[0] = api().get(location.substring(location.indexOf("/app_lcm/") + 1)).json();
            String s = op[0].path("operationState").asText();
            return s.equals("COMPLETED") || s.equals("FAILED") || s.equals("FAILED_TEMP");
        });
        return op[0];
    }

    /** The app prints its port once it listens; the log API shows it. */
    private int appPort(String instanceId) {
        Pattern p = Pattern.compile("listening on (\\d+)");
        String[] logs = new String[1];
        await("the app's log line", Duration.ofSeconds(20), () -> {
            logs[0] = api().get("mepm_mgmt/v1/app_instances/" + instanceId + "/logs?tail=50", "text/plain").body();
            return p.matcher(logs[0]).find();
        });
        Matcher m = p.matcher(logs[0]);
        assertTrue(m.find(), logs[0]);
        return Integer.parseInt(m.group(1));
    }

    private List<String> instanceStates(String id) {
        return fake.notificationsFor(id).stream().filter(n -> n.has("appInstanceState"))
                .map(n -> n.get("appInstanceState").asText()).toList();
    }

    @Test
    @Order(1)
    void hostRegistersAtTheMeoAndShowsItsDriver() {
        await("registration", Duration.ofSeconds(30), () -> !fake.registrations.isEmpty());
        JsonNode reg = fake.registrations.get(0);
        assertEquals(HOST_ID, reg.get("hostId").asText());
        assertEquals(docker ? "docker" : "process", reg.get("driver").asText());
        assertTrue(reg.at("/capacity/cpuMillis").asLong() > 0, reg.toString());
        assertTrue(reg.at("/location/zone").isTextual(), reg.toString());

        Http.Reply host = api().get("mepm_mgmt/v1/host");
        assertEquals(200, host.status(), host.toString());
        assertEquals(docker ? "docker" : "process", host.json().get("driver").asText());
        assertEquals("47000-47099", host.json().get("portRange").asText());
        Http.Reply ready = new Http(Deployments.serverRoot(deployed)).get("health/ready");
        assertEquals(200, ready.status(), ready.toString());
        assertTrue(ready.body().contains("mepm-virtualisation") && ready.body().contains(docker ? "docker" : "process"), ready.body());
    }

    @Test
    @Order(2)
    void theMeoSubscribesToOpAndInstanceStateChanges() {
        String callback = "http://127.0.0.1:" + fake.server.getAddress().getPort() + "/meo/mm3/v1/notifications";
        for (String type : new String[] {"AppLcmOpOccStateChangeSubscription", "AppInstanceStateChangeSubscription"}) {
            Http.Reply r = api().post("app_lcm/v1/subscriptions", "{\"subscriptionType\":\"" + type + "\",\"callbackUri\":\"" + callback + "\"}");
            assertEquals(201, r.status(), r.toString());
            assertTrue(r.header("Location").orElseThrow().endsWith(r.json().get("id").asText()));
        }
        assertEquals(2, api().get("app_lcm/v1/subscriptions").json().at("/_links/subscriptions").size());
        Http.Reply again = api().post("app_lcm/v1/subscriptions", "{\"subscriptionType\":\"AppInstanceStateChangeSubscription\",\"callbackUri\":\"" + callback + "\"}");
        assertEquals(201, again.status());
        assertEquals(2, api().get("app_lcm/v1/subscriptions").json().at("/_links/subscriptions").size(),
                "the MEO's repeated subscription (at each host registration) is not duplicated");
        Http.Reply bad = api().post("app_lcm/v1/subscriptions", "{\"subscriptionType\":\"AppInstanceStateChangeSubscription\",\"callbackUri\":\"" + callback + "\",\"colour\":1}");
        assertEquals(400, bad.status(), bad.toString());
    }

    @Test
    @Order(3)
    void createAdoptsTheMeosIdAndRefusesDuplicatesUnknownAppDsAndUnknownFields() {
        Http.Reply r = api().post("app_lcm/v1/app_instances", "{\"appDId\":\"appd-hello\",\"appInstanceName\":\"hello-1\",\"appInstanceId\":\"it-app-1\"}");
        assertEquals(201, r.status(), r.toString());
        assertEquals("it-app-1", r.json().get("id").asText());
        assertEquals("NOT_INSTANTIATED", r.json().get("instantiationState").asText());
        assertTrue(r.header("Location").orElseThrow().endsWith("/app_lcm/v1/app_instances/it-app-1"));
        assertEquals(409, api().post("app_lcm/v1/app_instances", "{\"appDId\":\"appd-hello\",\"appInstanceId\":\"it-app-1\"}").status());
        assertEquals(409, api().post("app_lcm/v1/app_instances", "{\"appDId\":\"appd-nowhere\"}").status());
        Http.Reply misspelt = api().post("app_lcm/v1/app_instances", "{\"appDid\":\"appd-hello\"}");
        assertEquals(400, misspelt.status(), misspelt.toString());
        assertTrue(misspelt.contentType().startsWith("application/problem+json"));
        assertEquals(404, api().get("app_lcm/v1/app_instances/nope").status());
        assertEquals(400, api().get("app_lcm/v1/app_instances?colour=blue").status());
        assertEquals(1, api().get("app_pkgm/v1/app_packages").json().size());
    }

    @Test
    @Order(4)
    void instantiateAsksForAGrantConfiguresThePlatformAndRunsTheAppUntilItIsReady() {
        JsonNode op = awaitOp(api().post("app_lcm/v1/app_instances/it-app-1/instantiate", "{}"));
        assertEquals("COMPLETED", op.get("operationState").asText(), op.toString());
        assertEquals("INSTATIATE", op.get("lcmOperation").asText());

        JsonNode grant = fake.grants.stream().filter(g -> g.get("appLcmOpOccId").asText().equals(op.get("id").asText()))
                .findFirst().orElseThrow();
        assertEquals("INSTANTIATE", grant.get("operation").asText());
        assertEquals(250, grant.at("/addResources/0/virtualComputeDescriptor/virtualCpu/vduCpuRequirements/cpuMillis").asInt());

        JsonNode mm5 = fake.mm5Configs.get("it-app-1");
        assertNotNull(mm5, "Mm5 configuration pushed before start");
        assertEquals("it-app-1", mm5.get("clientId").asText());
        assertEquals("tr1", mm5.at("/appTrafficRule/0/trafficRuleId").asText());
        assertEquals("dns1", mm5.at("/appDNSRule/0/dnsRuleId").asText());
        assertEquals("hello-service", mm5.at("/appServiceProduced/0/serName").asText());

        JsonNode info = api().get("app_lcm/v1/app_instances/it-app-1").json();
        assertEquals("INSTANTIATED", info.get("instantiationState").asText());
        assertEquals("STARTED", info.at("/instantiatedAppState/operationalState").asText());
        assertEquals(HOST_ID, info.at("/mecHostInformation/hostId").asText());

        int port = appPort("it-app-1");
        assertTrue(port >= 47000 && port <= 47099, "port from mepm.ports.range: " + port);
        JsonNode placement = api().get("mepm_mgmt/v1/app_instances/it-app-1").json();
        assertEquals(port, placement.at("/ports/http").asInt(), placement.toString());
        assertEquals("http://127.0.0.1:" + port, placement.at("/endpoints/http").asText());
        assertEquals(docker ? "docker" : "process", placement.get("driver").asText());
        String env = BenchImages.get(port, "/env");
        assertNotNull(env, "the app answers on its allocated loopback port");
        assertTrue(env.contains("\"MEC_APP_INSTANCE_ID\":\"it-app-1\"") && env.contains("\"MEC_CLIENT_SECRET\":\"" + mm5.get("clientSecret").asText() + "\"")
                && env.contains("/mec-platform\"") && env.contains("\"MEC_HOST_ID\":\"it-host\""), env);

        await("notifications", Duration.ofSeconds(10), () -> instanceStates("it-app-1").contains("STARTED"));
        List<String> opStates = fake.notifications.stream().filter(n -> op.get("id").asText().equals(n.path("appLcmOpOccId").asText()))
                .map(n -> n.get("operationState").asText()).toList();
        await("op notifications", Duration.ofSeconds(10), () -> fake.notifications.stream()
                .filter(n -> op.get("id").asText().equals(n.path("appLcmOpOccId").asText())).count() >= 3);
        assertTrue(opStates.isEmpty() || opStates.get(0).equals("STARTING"), opStates.toString());

        assertEquals(409, api().post("app_lcm/v1/app_instances/it-app-1/instantiate", "{}").status());
        assertEquals(409, api().delete("app_lcm/v1/app_instances/it-app-1").status());
        assertEquals(202, api().post("app_lcm/v1/app_instances/it-app-1/configure_platform_for_app", "{}").status());
        assertEquals("IN_USE", api().get("app_pkgm/v1/app_packages/appd-hello").json().get("usageState").asText());
    }

    @Test
    @Order(5)
    void aContainerKilledBehindTheMepmsBackIsReportedToTheMeoWithinTwoSeconds() throws Exception {
        TestApps.assumeDocker(docker);
        try (DockerClient client = BenchImages.client(BenchImages.dockerHost())) {
            var c = client.listContainersCmd().withLabelFilter(Map.of(Labels.APP_INSTANCE, "it-app-1", Labels.HOST, HOST_ID)).exec();
            assertEquals(1, c.size());
            assertEquals(64L * 1024 * 1024, client.inspectContainerCmd(c.get(0).getId()).exec().getHostConfig().getMemory());
            int before = instanceStates("it-app-1").size();
            long t0 = System.nanoTime();
            client.killContainerCmd(c.get(0).getId()).exec();
            // the time is printed, not asserted: 15 s only bounds a lost notification
            await("STOPPED notification", Duration.ofSeconds(15), () -> instanceStates("it-app-1").size() > before
                    && instanceStates("it-app-1").get(instanceStates("it-app-1").size() - 1).equals("STOPPED"));
            System.out.println("[MepmIT] kill -> AppInstNotification STOPPED at the MEO in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            await("the stopped app removed from the MEC platform (Mm5 DELETE)", Duration.ofSeconds(5),
                    () -> !fake.mm5Configs.containsKey("it-app-1"));
        }
        assertEquals("STOPPED", api().get("app_lcm/v1/app_instances/it-app-1").json().at("/instantiatedAppState/operationalState").asText());
    }

    @Test
    @Order(5)
    void aDeadContainerIsRestartedWhenTheAppDAsksForIt() throws Exception {
        TestApps.assumeDocker(docker);
        assertEquals(201, api().post("app_lcm/v1/app_instances", "{\"appDId\":\"appd-restart\",\"appInstanceId\":\"it-restart\"}").status());
        assertEquals("COMPLETED", awaitOp(api().post("app_lcm/v1/app_instances/it-restart/instantiate", "{}"))
                .get("operationState").asText());
        try (DockerClient client = BenchImages.client(BenchImages.dockerHost())) {
            String id = client.listContainersCmd().withLabelFilter(Map.of(Labels.APP_INSTANCE, "it-restart")).exec().get(0).getId();
            client.killContainerCmd(id).exec();
            await("STOPPED then STARTED", Duration.ofSeconds(10), () -> {
                List<String> states = instanceStates("it-restart");
                int stopped = states.lastIndexOf("STOPPED");
                return stopped > 0 && states.subList(stopped, states.size()).contains("STARTED");
            });
            assertNotNull(BenchImages.awaitAnswer(appPort("it-restart"), "/", Duration.ofSeconds(20)), "the app answers again");
            assertTrue(fake.mm5Configs.containsKey("it-restart"), "a restarted app keeps its platform configuration");
        }
        assertEquals("COMPLETED", awaitOp(api().post("app_lcm/v1/app_instances/it-restart/terminate",
                "{\"terminationType\":\"FORCEFUL\"}")).get("operationState").asText());
        assertEquals(204, api().delete("app_lcm/v1/app_instances/it-restart").status());
    }

    @Test
    @Order(6)
    void operateStartsItAgain() {
        if (!docker) {
            return;
        }
        JsonNode op = awaitOp(api().post("app_lcm/v1/app_instances/it-app-1/operate", "{\"changeStateTo\":\"STARTED\"}"));
        assertEquals("COMPLETED", op.get("operationState").asText(), op.toString());
        assertTrue(fake.mm5Configs.containsKey("it-app-1"), "STARTED configures the MEC platform for the app again");
        assertNotNull(BenchImages.awaitAnswer(appPort("it-app-1"), "/", Duration.ofSeconds(20)));
        assertEquals(409, api().post("app_lcm/v1/app_instances/it-app-1/operate", "{\"changeStateTo\":\"STARTED\"}").status());
    }

    @Test
    @Order(7)
    void gracefulTerminateWaitsForTheAppsConfirmationThenRemovesEverything() throws Exception {
        int port = appPort("it-app-1");
        JsonNode op = awaitOp(api().post("app_lcm/v1/app_instances/it-app-1/terminate",
                "{\"terminationType\":\"GRACEFUL\",\"gracefulTerminationTimeout\":5}"));
        assertEquals("COMPLETED", op.get("operationState").asText(), op.toString());
        int termination = fake.mm5Calls.indexOf("POST it-app-1/termination");
        int removal = fake.mm5Calls.lastIndexOf("DELETE it-app-1");
        assertTrue(termination >= 0 && removal > termination, fake.mm5Calls.toString());
        assertTrue(fake.terminationConfirmedAt.containsKey("it-app-1"), "the MEPM waited for confirm_termination");
        assertTrue(fake.terminationPolls.get("it-app-1").get() >= 4);
        assertEquals(null, BenchImages.get(port, "/"));
        if (docker) {
            try (DockerClient client = BenchImages.client(BenchImages.dockerHost())) {
                assertTrue(client.listContainersCmd().withShowAll(true)
                        .withLabelFilter(Map.of(Labels.APP_INSTANCE, "it-app-1")).exec().isEmpty(), "container removed");
            }
        }
        assertEquals("NOT_INSTANTIATED", api().get("app_lcm/v1/app_instances/it-app-1").json().get("instantiationState").asText());
        assertEquals(0, api().get("mepm_mgmt/v1/app_instances/it-app-1").json().get("ports").size(), "ports released");
        await("NOT_INSTANTIATED notification", Duration.ofSeconds(10), () -> instanceStates("it-app-1").contains("NOT_INSTANTIATED"));
        assertEquals(409, api().post("app_lcm/v1/app_instances/it-app-1/terminate", "{\"terminationType\":\"FORCEFUL\"}").status());

        assertEquals(204, api().delete("app_lcm/v1/app_instances/it-app-1").status());
        assertEquals(404, api().get("app_lcm/v1/app_instances/it-app-1").status());
    }

    @Test
    @Order(8)
    void cancellingAnInstantiationWaitingForReadinessRollsItBack() {
        fake.readyConfirmed = false;
        try {
            assertEquals(201, api().post("app_lcm/v1/app_instances", "{\"appDId\":\"appd-hello\",\"appInstanceId\":\"it-cancel\"}").status());
            Http.Reply accepted = api().post("app_lcm/v1/app_instances/it-cancel/instantiate", "{}");
            String op = accepted.header("Location").orElseThrow().replaceFirst(".*/mepm/", "");
            await("PROCESSING", Duration.ofSeconds(30), () -> api().get(op).json().get("operationState").asText().equals("PROCESSING")
                    && fake.mm5Configs.containsKey("it-cancel"));
            assertEquals(202, api().post(op + "/cancel", "{\"cancelMode\":\"FORCEFUL\"}").status());
            JsonNode done = awaitOp(accepted);
            assertEquals("FAILED", done.get("operationState").asText(), done.toString());
            assertEquals("Operation cancelled", done.at("/error/title").asText(), done.toString());
            assertEquals("NOT_INSTANTIATED", api().get("app_lcm/v1/app_instances/it-cancel").json().get("instantiationState").asText());
            assertFalse(fake.mm5Configs.containsKey("it-cancel"), "Mm5 configuration removed");
            assertEquals(409, api().post(op + "/cancel", "{\"cancelMode\":\"FORCEFUL\"}").status());
        } finally {
            fake.readyConfirmed = true;
        }
    }

    @Test
    @Order(9)
    void aRefusedGrantFailsTheOperationAndChangesNothing() {
        assertEquals(201, api().post("app_lcm/v1/app_instances", "{\"appDId\":\"appd-denied\",\"appInstanceId\":\"it-denied\"}").status());
        JsonNode op = awaitOp(api().post("app_lcm/v1/app_instances/it-denied/instantiate", "{}"));
        assertEquals("FAILED", op.get("operationState").asText(), op.toString());
        assertTrue(op.at("/error/detail").asText().contains("no capacity"), op.toString());
        assertEquals("NOT_INSTANTIATED", api().get("app_lcm/v1/app_instances/it-denied").json().get("instantiationState").asText());
        assertFalse(fake.mm5Configs.containsKey("it-denied"), "no Mm5 configuration without a grant");
    }

    @Test
    @Order(9)
    void aGrantAnsweredAcceptedIsPolledAtItsLocationUntilTheMeoDecides() {
        assertEquals(201, api().post("app_lcm/v1/app_instances", "{\"appDId\":\"appd-slowgrant\",\"appInstanceId\":\"it-slowgrant\"}").status());
        JsonNode op = awaitOp(api().post("app_lcm/v1/app_instances/it-slowgrant/instantiate", "{}"));
        assertEquals("COMPLETED", op.get("operationState").asText(), op.toString());
        String grantId = fake.pendingGrants.entrySet().stream()
                .filter(e -> e.getValue().path("appLcmOpOccId").asText().equals(op.get("id").asText()))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        assertEquals(3, fake.grantPolls.get(grantId).get(), "polled until the 200");
        assertNotNull(fake.mm5Configs.get("it-slowgrant"), "acted on the grant once decided");
        JsonNode end = awaitOp(api().post("app_lcm/v1/app_instances/it-slowgrant/terminate", "{\"terminationType\":\"FORCEFUL\"}"));
        assertEquals("COMPLETED", end.get("operationState").asText(), end.toString());
        assertEquals(204, api().delete("app_lcm/v1/app_instances/it-slowgrant").status());
    }

    @Test
    @Order(9)
    void aGrantTheMeoDoesNotDecideInTimeEndsTheOperationFailedTempAndChangesNothing() {
        assertEquals(201, api().post("app_lcm/v1/app_instances", "{\"appDId\":\"appd-stuckgrant\",\"appInstanceId\":\"it-stuckgrant\"}").status());
        JsonNode op = awaitOp(api().post("app_lcm/v1/app_instances/it-stuckgrant/instantiate", "{}"));
        assertEquals("FAILED_TEMP", op.get("operationState").asText(), op.toString());
        assertEquals(504, op.at("/error/status").asInt(), op.toString());
        assertTrue(op.at("/error/detail").asText().contains("did not decide"), op.toString());
        String grantId = fake.pendingGrants.entrySet().stream()
                .filter(e -> e.getValue().path("appLcmOpOccId").asText().equals(op.get("id").asText()))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        assertTrue(fake.grantPolls.get(grantId).get() >= 2, "polled meanwhile");
        assertEquals("NOT_INSTANTIATED", api().get("app_lcm/v1/app_instances/it-stuckgrant").json().get("instantiationState").asText());
        assertFalse(fake.mm5Configs.containsKey("it-stuckgrant"), "no Mm5 configuration without a grant");
        assertEquals(204, api().delete("app_lcm/v1/app_instances/it-stuckgrant").status(), "FAILED_TEMP does not hold the instance");
    }

    @Test
    @Order(10)
    void aContainerWithOurLabelsThatNoInstanceOwnsIsRemoved() throws Exception {
        TestApps.assumeDocker(docker);
        try (DockerClient client = BenchImages.client(BenchImages.dockerHost())) {
            // the labels of this MEPM's containers, as its host view publishes them
            Map<String, String> labels = new java.util.HashMap<>();
            api().get("mepm_mgmt/v1/host").json().get("containerLabels").fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            assertEquals(HOST_ID, labels.get(Labels.HOST));
            labels.put(Labels.APP_INSTANCE, "it-orphan");
            labels.put(Labels.APP_D, "appd-hello");
            String id = client.createContainerCmd(BenchImages.IMAGE).withLabels(labels)
                    .withEnv("MEC_PORTS=http=47099").withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig()
                            .withNetworkMode("host").withInit(true)).exec().getId();
            client.startContainerCmd(id).exec();
            await("orphan removed", Duration.ofSeconds(10), () -> client.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(Labels.APP_INSTANCE, "it-orphan")).exec().isEmpty());
        }
    }

    @Test
    @Order(11)
    void servedOpenApiMatchesTheContract() {
        ContractCheck.assertServes(Deployments.serverRoot(deployed), "/mepm", "mepm");
    }
}
