package org.edgeslice.meapp.mp1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.edgeslice.contract.mec011.AppInfo;
import org.edgeslice.contract.mec011.EndPointInfo;
import org.edgeslice.contract.mec011.FilteringCriteria;
import org.edgeslice.contract.mec011.OperationActionType;
import org.edgeslice.contract.mec011.SerializerType;
import org.edgeslice.contract.mec011.ServiceInfo;
import org.edgeslice.contract.mec011.ServiceInfoPost;
import org.edgeslice.contract.mec011.ServiceState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Mp1ClientTest {
    private FakeMp1Platform platform;
    private MutableClock clock;
    private Mp1Client client;

    static final class MutableClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void start() throws Exception {
        platform = new FakeMp1Platform();
        clock = new MutableClock();
        client = new Mp1Client(settings(platform), clock, Duration.ofSeconds(5));
    }

    static Mp1Settings settings(FakeMp1Platform platform) {
        return Mp1Settings.from(Map.of("MEC_MP1_URL", platform.url() + "/", "MEC_APP_INSTANCE_ID", "app-1",
                "MEC_CLIENT_ID", platform.clientId, "MEC_CLIENT_SECRET", platform.clientSecret,
                "MEC_PORTS", "http=40001, registration=40002", "MEC_HOST_ID", "host-1", "MEC_DATA_DIR", "/tmp/x")::get);
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void settingsAreReadFromTheEnvironmentTable() {
        Mp1Settings s = settings(platform);
        assertEquals(platform.url(), s.mp1Url(), "trailing slash removed");
        assertEquals(40001, s.port("http").getAsInt());
        assertEquals(40002, s.port("registration").getAsInt());
        assertTrue(s.port("retrieve").isEmpty());
        assertEquals("host-1", s.hostId());
        assertTrue(s.hasPlatform() && s.hasCredentials());
        assertFalse(s.toString().contains(platform.clientSecret), "secret kept out of logs");
        assertThrows(IllegalArgumentException.class, () -> Mp1Settings.parsePorts("http"));
        assertThrows(IllegalArgumentException.class, () -> Mp1Settings.parsePorts("http=abc"));
        assertFalse(Mp1Settings.from(k -> null).hasPlatform());
    }

    @Test
    void registersWithABearerTokenFromTheClientCredentialsGrant() {
        AppInfo back = client.register(new AppInfo("handler", "edgeslice", null, "appd-1", "app-1", null, null, null,
                null, null, true, null));
        assertEquals("handler", back.appName());
        var call = platform.calls("POST", "/mec_app_support/v2/registrations").get(0);
        assertEquals("Bearer tok-1", call.authorization());
        assertTrue(call.body().contains("\"appDId\":\"appd-1\"") && call.body().contains("\"isInsByMec\":true"),
                call.body());
        assertFalse(call.body().contains("null"), "no nulls sent: " + call.body());
    }

    @Test
    void reusesTheTokenUntilShortlyBeforeExpiryThenFetchesANewOne() {
        platform.expiresIn = 100;
        client.confirmReady();
        client.confirmReady();
        assertEquals(1, platform.tokensIssued.get());
        clock.now = clock.now.plusSeconds(79);
        client.confirmReady();
        assertEquals(1, platform.tokensIssued.get(), "still 21 s left, more than the 20 s margin");
        clock.now = clock.now.plusSeconds(2);
        client.confirmReady();
        assertEquals(2, platform.tokensIssued.get(), "refreshed before expiry");
        assertEquals("Bearer tok-2", platform.calls("POST", "/confirm_ready").get(3).authorization());
        assertEquals("{\"indication\":\"READY\"}", platform.calls("POST", "/confirm_ready").get(0).body());
    }

    @Test
    void a401DropsTheTokenAndRetriesOnceWithAFreshOne() {
        client.confirmReady();
        platform.validToken = "rotated-by-a-platform-restart";
        client.confirmTermination(OperationActionType.TERMINATING);
        assertEquals(2, platform.tokensIssued.get());
        List<FakeMp1Platform.Call> calls = platform.calls("POST", "/confirm_termination");
        assertEquals(2, calls.size());
        assertEquals("{\"operationAction\":\"TERMINATING\"}", calls.get(1).body());
    }

    @Test
    void errorsCarryTheStatusAndTheProblemDetail() {
        platform.failNextWith = 404;
        Mp1Exception e = assertThrows(Mp1Exception.class, client::confirmReady);
        assertEquals(404, e.status());
        assertEquals("injected", e.detail());
    }

    @Test
    void anUnreachablePlatformIsStatusZero() {
        Mp1Client dead = new Mp1Client(Mp1Settings.from(Map.of("MEC_MP1_URL", "http://127.0.0.1:1/mep",
                "MEC_APP_INSTANCE_ID", "a")::get));
        assertEquals(0, assertThrows(Mp1Exception.class, dead::confirmReady).status());
    }

    @Test
    void secondRegistrationBecomesAnUpdate() {
        AppInfo info = new AppInfo("handler", null, null, "d", "app-1", null, null, null, null, null, null, null);
        client.registerOrUpdate(info);
        AppInfo again = client.registerOrUpdate(info);
        assertEquals("app-1", again.appInstanceId(), "unknown attributes in answers are ignored");
        assertEquals(1, platform.calls("PUT", "/registrations/app-1").size());
    }

    @Test
    void registersUpdatesDiscoversAndDeletesServices() {
        ServiceInfoPost post = new ServiceInfoPost(null, "onem2m-retrieve", null, "1", ServiceState.ACTIVE,
                "rest-http", null, SerializerType.JSON, null, null, null, null);
        ServiceInfo created = client.registerService(post);
        assertNotNull(created.serInstanceId());
        assertTrue(platform.calls("POST", "/mec_service_mgmt/v1/applications/app-1/services").size() == 1);
        ServiceInfo updated = client.updateService(new ServiceInfo(created.serInstanceId(), "onem2m-retrieve", null, "2",
                ServiceState.INACTIVE, "rest-http", null, SerializerType.JSON, null, null, null, null, null));
        assertEquals("2", updated.version());
        assertEquals(1, client.discover(ServiceQuery.byNames(List.of("onem2m-retrieve", "other"))).size());
        assertEquals("ser_name=onem2m-retrieve,other", platform.calls("GET", "/services").get(0).query());
        assertEquals(0, client.discover(ServiceQuery.byNames(List.of("nothing"))).size());
        assertEquals("onem2m-retrieve", client.service(created.serInstanceId()).serName());
        client.deleteService(created.serInstanceId());
        assertEquals(404, assertThrows(Mp1Exception.class, () -> client.service(created.serInstanceId())).status());
    }

    @Test
    void subscriptionsReturnTheirLocationAndCanBeDeleted() {
        Mp1Subscription t = client.subscribeAppTermination("http://127.0.0.1:9/cb");
        assertTrue(t.href().startsWith(platform.url() + "/mec_app_support/v2/applications/app-1/subscriptions/"));
        Mp1Subscription s = client.subscribeServiceAvailability("http://127.0.0.1:9/cb2",
                new FilteringCriteria(null, List.of("onem2m-registration"), null, null, null));
        assertEquals(2, platform.subscriptions.size());
        assertEquals("AppTerminationNotificationSubscription",
                platform.subscriptions.get(t.id()).get("subscriptionType").asText());
        assertEquals("app-1", platform.subscriptions.get(t.id()).get("appInstanceId").asText());
        assertEquals("onem2m-registration",
                platform.subscriptions.get(s.id()).get("filteringCriteria").get("serNames").get(0).asText());
        client.unsubscribe(t);
        assertEquals(1, platform.subscriptions.size());
    }

    @Test
    void endpointHelperBuildsAUriEndpoint() {
        assertEquals(List.of("http://127.0.0.1:1/x"), EndPointInfo.ofUri("http://127.0.0.1:1/x").uris());
    }
}
