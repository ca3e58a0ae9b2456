package org.edgeslice.meapp.mp1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.edgeslice.contract.mec011.AppInfo;
import org.edgeslice.contract.mec011.FilteringCriteria;
import org.edgeslice.contract.mec011.OperationActionType;
import org.edgeslice.contract.mec011.SerializerType;
import org.edgeslice.contract.mec011.ServiceAvailabilityNotification;
import org.edgeslice.contract.mec011.ServiceInfoPost;
import org.edgeslice.contract.mec011.ServiceState;
import org.junit.jupiter.api.Test;

class MecAppSessionTest {

    private static ServiceInfoPost service(String name) {
        return new ServiceInfoPost(null, name, null, "1", ServiceState.ACTIVE, "rest-http", null, SerializerType.JSON,
                null, null, null, null);
    }

    @Test
    void startRegistersSubscribesRegistersServicesAndConfirmsReadyInThatOrder() throws Exception {
        try (FakeMp1Platform platform = new FakeMp1Platform();
             Mp1CallbackServer callbacks = Mp1CallbackServer.start("127.0.0.1", 0, new Mp1Notifications())) {
            Mp1Client client = new Mp1Client(Mp1ClientTest.settings(platform).withAppDId("appd-x"));
            MecAppSession session = MecAppSession.builder(client, new Mp1Notifications(), callbacks.baseUrl())
                    .appInfo(new AppInfo("slice", null, null, null, null, null, null, null, null, null, null, null))
                    .service(service("onem2m-registration")).service(service("onem2m-retrieve"))
                    .build().start();
            assertTrue(session.isReady());
            assertEquals(2, session.services().size());
            List<String> order = platform.calls.stream().filter(c -> !c.path().equals("/oauth2/token"))
                    .filter(c -> !c.method().equals("GET")).map(c -> c.method() + " " + c.path()).toList();
            assertEquals("POST /mec_app_support/v2/registrations", order.get(0));
            assertEquals("POST /mec_app_support/v2/applications/app-1/subscriptions", order.get(1));
            assertEquals("POST /mec_app_support/v2/applications/app-1/confirm_ready", order.get(order.size() - 1));
            assertTrue(platform.calls.get(1).body().contains("\"appDId\":\"appd-x\""), "appDId from the settings");
            assertTrue(platform.calls.get(1).body().contains("\"appInstanceId\":\"app-1\""));

            // a restarted app runs start() again: no duplicate services, registration updated
            MecAppSession.builder(client, new Mp1Notifications(), callbacks.baseUrl())
                    .appInfo(new AppInfo("slice", null, null, null, null, null, null, null, null, null, null, null))
                    .service(service("onem2m-registration")).service(service("onem2m-retrieve")).build().start();
            assertEquals(2, platform.services.size());
            assertEquals(1, platform.calls("PUT", "/registrations/app-1").size());
            assertEquals(1, platform.subscriptions.size(), "the stale termination subscription was replaced");
        }
    }

    @Test
    void terminationNotificationRunsTheFinalWorkThenConfirmsTermination() throws Exception {
        Mp1Notifications notifications = new Mp1Notifications();
        try (FakeMp1Platform platform = new FakeMp1Platform();
             Mp1CallbackServer callbacks = Mp1CallbackServer.start("127.0.0.1", 0, notifications)) {
            Mp1Client client = new Mp1Client(Mp1ClientTest.settings(platform));
            List<String> events = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(1);
            MecAppSession.builder(client, notifications, callbacks.baseUrl())
                    .appInfo(new AppInfo("slice", null, null, "d", null, null, null, null, null, null, null, null))
                    .beforeTerminationConfirmed(a -> {
                        events.add("final sync " + a);
                        events.add("confirmations so far " + platform.calls("POST", "/confirm_termination").size());
                    })
                    .afterTerminationConfirmed(a -> {
                        events.add("exit");
                        done.countDown();
                    })
                    .build().start();
            String callback = platform.subscriptions.values().iterator().next().get("callbackReference").asText();
            assertEquals(callbacks.baseUrl() + "/mp1/notifications/app_termination", callback);
            int status = FakeMp1Platform.notify(callback, "{\"notificationType\":\"AppTerminationNotification\","
                    + "\"operationAction\":\"STOPPING\",\"maxGracefulTimeout\":5,"
                    + "\"_links\":{\"subscription\":{\"href\":\"http://127.0.0.1/x\"}}}");
            assertEquals(204, status);
            assertTrue(done.await(5, TimeUnit.SECONDS));
            assertEquals(List.of("final sync STOPPING", "confirmations so far 0", "exit"), events);
            assertEquals("{\"operationAction\":\"STOPPING\"}",
                    platform.calls("POST", "/confirm_termination").get(0).body());
        }
    }

    @Test
    void slowFinalWorkStillConfirmsWithinTheGracefulTimeout() throws Exception {
        Mp1Notifications notifications = new Mp1Notifications();
        try (FakeMp1Platform platform = new FakeMp1Platform();
             Mp1CallbackServer callbacks = Mp1CallbackServer.start("127.0.0.1", 0, notifications)) {
            CountDownLatch done = new CountDownLatch(1);
            MecAppSession.builder(new Mp1Client(Mp1ClientTest.settings(platform)), notifications, callbacks.baseUrl())
                    .appInfo(new AppInfo("slice", null, null, "d", null, null, null, null, null, null, null, null))
                    .beforeTerminationConfirmed(a -> sleep(10_000))
                    .afterTerminationConfirmed(a -> done.countDown()).build().start();
            long t0 = System.nanoTime();
            FakeMp1Platform.notify(callbacks.baseUrl() + "/mp1/notifications/app_termination",
                    "{\"notificationType\":\"AppTerminationNotification\",\"operationAction\":\"TERMINATING\","
                            + "\"maxGracefulTimeout\":1}");
            assertTrue(done.await(5, TimeUnit.SECONDS));
            // well before the 10 s the final work would take: the 1 s graceful timeout ended the wait
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));
            assertEquals(1, platform.calls("POST", "/confirm_termination").size());
        }
    }

    @Test
    void availabilityNotificationsReachTheListenerAndBadOnesAreRejected() throws Exception {
        Mp1Notifications notifications = new Mp1Notifications();
        try (FakeMp1Platform platform = new FakeMp1Platform();
             Mp1CallbackServer callbacks = Mp1CallbackServer.start("127.0.0.1", 0, notifications)) {
            List<ServiceAvailabilityNotification> got = new CopyOnWriteArrayList<>();
            CountDownLatch one = new CountDownLatch(1);
            MecAppSession.builder(new Mp1Client(Mp1ClientTest.settings(platform)), notifications, callbacks.baseUrl())
                    .appInfo(new AppInfo("handler", null, null, "d", null, null, null, null, null, null, null, null))
                    .serviceAvailability(new FilteringCriteria(null, List.of("onem2m-retrieve"), null, null, null), n -> {
                        got.add(n);
                        one.countDown();
                    }).startTimeout(Duration.ofSeconds(5)).build().start();
            String cb = callbacks.baseUrl() + "/mp1/notifications/service_availability";
            assertEquals(400, FakeMp1Platform.notify(cb, "{\"notificationType\":\"Other\"}"));
            assertEquals(400, FakeMp1Platform.notify(cb, "not json"));
            assertEquals(404, FakeMp1Platform.notify(callbacks.baseUrl() + "/elsewhere", "{}"));
            assertEquals(204, FakeMp1Platform.notify(cb, "{\"notificationType\":\"SerAvailabilityNotification\","
                    + "\"serviceReferences\":[{\"serName\":\"onem2m-retrieve\",\"serInstanceId\":\"s1\","
                    + "\"state\":\"ACTIVE\",\"changeType\":\"ADDED\"}],\"_links\":{\"subscription\":{\"href\":\"h\"}}}"));
            assertTrue(one.await(5, TimeUnit.SECONDS));
            assertEquals("s1", got.get(0).serviceReferences().get(0).serInstanceId());
        }
    }

    @Test
    void startRetriesWhileThePlatformAnswers503() throws Exception {
        try (FakeMp1Platform platform = new FakeMp1Platform();
             Mp1CallbackServer callbacks = Mp1CallbackServer.start("127.0.0.1", 0, new Mp1Notifications())) {
            platform.failNextWith = 503;
            MecAppSession s = MecAppSession.builder(new Mp1Client(Mp1ClientTest.settings(platform)),
                    new Mp1Notifications(), callbacks.baseUrl())
                    .appInfo(new AppInfo("x", null, null, "d", null, null, null, null, null, null, null, null))
                    .startTimeout(Duration.ofSeconds(5)).build().start();
            assertTrue(s.isReady());
            assertEquals(2, platform.calls("POST", "/registrations").size());
            s.close();
            assertEquals(0, platform.subscriptions.size(), "close withdraws subscriptions");
        }
    }

    @Test
    void clientRefusesToStartWithoutPlatform() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Mp1Client(Mp1Settings.from(k -> null)));
        assertEquals(OperationActionType.STOPPING, OperationActionType.valueOf("STOPPING"));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
