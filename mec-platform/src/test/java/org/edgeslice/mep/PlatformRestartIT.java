package org.edgeslice.mep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.edgeslice.testkit.Http;
import org.junit.jupiter.api.Test;

/**
 * System test of durability: the packaged WAR in a Payara Micro of its own on a file database, stopped and started
 * again. Registrations, rules (with their ETags), services, subscriptions, the token signing key and undelivered
 * notifications must all survive the restart.
 */
class PlatformRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aRestartKeepsRegistrationsRulesServicesSubscriptionsAndPendingNotifications() throws Exception {
        Path target = Path.of(System.getProperty("payara.tmpdir", "target"));
        Path db = target.resolve("restart-db");
        deleteTree(db);
        int port = freePort();
        String base = "http://127.0.0.1:" + port + "/mec-platform/";

        try (CallbackReceiver receiver = new CallbackReceiver()) {
            TestApps.TestApp producer;
            TestApps.TestApp consumer;
            String etag;
            String serviceId;
            String terminationSub;
            Process first = start(target, db, port);
            try {
                awaitReady(base, first);
                TestApps apps = new TestApps(base);
                producer = apps.registered("durable-producer");
                consumer = apps.registered("durable-consumer");
                String dns = producer.appSupport() + "/dns_rules/dns1";
                Http.Reply put = producer.api().put(dns, """
                        {"dnsRuleId":"dns1","domainName":"app.edge.local","ipAddressType":"IP_V4",
                         "ipAddress":"127.0.0.5","state":"INACTIVE"}""");
                assertEquals(200, put.status(), put.toString());
                etag = put.header("ETag").orElseThrow();
                terminationSub = producer.api().post(producer.appSupport() + "/subscriptions", """
                        {"subscriptionType":"AppTerminationNotificationSubscription","callbackReference":"%s"}"""
                        .formatted(receiver.url("term"))).header("Location").orElseThrow();
                // the consumer's callback is down while the first platform runs: the notification stays queued
                receiver.refuseNext(Integer.MAX_VALUE);
                assertEquals(201, consumer.api().post(consumer.serviceMgmt() + "/subscriptions", """
                        {"subscriptionType":"SerAvailabilityNotificationSubscription","callbackReference":"%s",
                         "filteringCriteria":{"serNames":["durable-service"]}}""".formatted(receiver.url("avail")))
                        .status());
                Http.Reply svc = producer.api().post(producer.serviceMgmt() + "/services", """
                        {"serName":"durable-service","version":"1","state":"ACTIVE","serializer":"JSON",
                         "transportId":"rest-http"}""");
                assertEquals(201, svc.status(), svc.toString());
                serviceId = svc.json().get("serInstanceId").asText();
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (receiver.attempts() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertTrue(receiver.attempts() > 0, "the first platform tried to deliver");
            } finally {
                stop(first);
            }

            receiver.refuseNext(0);
            Process second = start(target, db, port);
            try {
                awaitReady(base, second);
                // the old token still works: the signing key is in the database
                Api api = producer.api();
                assertEquals(200, api.get("mec_app_support/v2/registrations/" + producer.id()).status());
                Http.Reply dns = api.get(producer.appSupport() + "/dns_rules/dns1");
                assertEquals("INACTIVE", dns.json().get("state").asText(), dns.toString());
                assertEquals(etag, dns.header("ETag").orElseThrow());
                assertEquals(200, api.get(terminationSub).status());
                assertEquals(serviceId, consumer.api().get("mec_service_mgmt/v1/services?ser_name=durable-service")
                        .json().get(0).get("serInstanceId").asText());
                assertTrue(Api.mm5(base).get("mm5/v1/app_instances/" + producer.id()).json().get("registered")
                        .asBoolean());
                // the notification queued before the restart is delivered after it
                JsonNode added = receiver.await(n -> n.at("/serviceReferences/0/serInstanceId").asText()
                        .equals(serviceId), WAIT);
                assertEquals("ADDED", added.at("/serviceReferences/0/changeType").asText());
                // and the termination handshake still reaches the subscription made before the restart
                assertEquals(202, Api.mm5(base).post("mm5/v1/app_instances/" + producer.id() + "/termination",
                        "{\"operationAction\":\"TERMINATING\",\"maxGracefulTimeout\":5}").status());
                assertEquals("AppTerminationNotification", receiver.await(n -> n.has("operationAction"), WAIT)
                        .get("notificationType").asText());
            } finally {
                stop(second);
            }
        }
    }

    private static Process start(Path target, Path db, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + target.toAbsolutePath(),
                "-Dmep.db.url=jdbc:h2:" + db.toAbsolutePath().resolve("mep") + ";DB_CLOSE_ON_EXIT=FALSE",
                "-Dmep.db.user=sa", "-Dmep.db.password=sa", "-Dmep.mm5.secret=" + Api.MM5_SECRET,
                "-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("service.war"), "--port", String.valueOf(port), "--nohazelcast",
                "--prebootcommandfile", System.getProperty("payara.preboot"));
        File log = target.resolve("platform-restart-" + System.nanoTime() + ".log").toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void awaitReady(String base, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("Payara Micro exited with " + p.exitValue());
            }
            try {
                // 401 from an Mp1 resource: the application is deployed and its security filter answers
                if (Api.anonymous(base).get("mec_app_support/v2/timing/current_time").status() == 401) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The platform did not come up at " + base);
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
