package org.edgeslice.onem2m.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.edgeslice.onem2m.Fixture;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.Timestamps;
import org.edgeslice.onem2m.function.CommonServiceFunction;
import org.edgeslice.onem2m.function.FunctionSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * TS-0009 header handling of {@link HttpBinding}: originator-less AE registration, X-M2M-RET/VSI/OT/RST/OET,
 * release versions, Accept negotiation, Allow on 405, per-segment path decoding, ty on UPDATE.
 */
class HttpBindingHeadersTest {
    private static final String AE = "{\"m2m:ae\":{\"rn\":\"dev\",\"api\":\"Nx.y.z\",\"rr\":true,\"srv\":[\"3\"]}}";

    private final Fixture f = new Fixture();
    private final HttpBinding binding = new HttpBinding(f.engine);

    @AfterEach
    void close() {
        f.close();
    }

    /** A request with X-M2M-RI and X-M2M-RVI 3, plus the given header name/value pairs (null value: left out). */
    private static HttpRequestView req(String method, String path, String body, String... headers) {
        Map<String, String> h = new HashMap<>();
        h.put("X-M2M-RI", "req-1");
        h.put("X-M2M-RVI", "3");
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] == null) {
                h.remove(headers[i]);
            } else {
                h.put(headers[i], headers[i + 1]);
            }
        }
        return new HttpRequestView(method, path, null, h, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequestView get(String path, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-M2M-Origin";
        // these tests are about the binding, not the CSEBase's default policy (registered originators only)
        all[1] = "/cse-mn".equals(path) ? Fixture.ADMIN : "Cdev";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return req("GET", path, null, all);
    }

    private static void assertRsc(int http, int rsc, HttpResponseView r) {
        assertEquals(http, r.status(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(String.valueOf(rsc), r.header("X-M2M-RSC"));
    }

    private static JsonNode json(HttpResponseView r) {
        return Json.parse(r.body());
    }

    private void registerWithContainerAndInstance() {
        assertRsc(201, 2001, binding.handle(req("POST", "/cse-mn", AE, "X-M2M-Origin", "Cdev",
                "Content-Type", "application/json;ty=2")));
        assertRsc(201, 2001, binding.handle(req("POST", "/cse-mn/dev", "{\"m2m:cnt\":{\"rn\":\"temp\"}}",
                "X-M2M-Origin", "Cdev", "Content-Type", "application/json;ty=3")));
        assertRsc(201, 2001, binding.handle(req("POST", "/cse-mn/dev/temp",
                "{\"m2m:cin\":{\"rn\":\"i1\",\"con\":\"1\"}}",
                "X-M2M-Origin", "Cdev", "Content-Type", "application/json;ty=4")));
    }

    // item 1: AE registration without X-M2M-Origin

    @Test
    void aeCreateWithoutOriginatorHeaderGetsAnAssignedAeId() {
        HttpResponseView r = binding.handle(req("POST", "/cse-mn", AE, "Content-Type", "application/json;ty=2"));
        assertRsc(201, 2001, r);
        assertTrue(json(r).get("m2m:ae").get("aei").asText().startsWith("C"), () -> json(r).toString());
    }

    @Test
    void otherRequestsWithoutOriginatorHeaderStayBadRequest() {
        assertRsc(400, 4000, binding.handle(req("POST", "/cse-mn", "{\"m2m:cnt\":{}}",
                "Content-Type", "application/json;ty=3")));
        assertRsc(400, 4000, binding.handle(req("GET", "/cse-mn/nothing-here", null)));
        assertRsc(400, 4000, binding.handle(req("DELETE", "/cse-mn", null)));
    }

    // item 2: X-M2M-RET, VSI, OT, RST, OET

    @Test
    void requestExpiredInThePastIsRequestTimeout() {
        assertRsc(504, 4008, binding.handle(get("/cse-mn", "X-M2M-RET", "20200101T000000")));
        assertRsc(504, 4008, binding.handle(get("/cse-mn", "X-M2M-RET", "-10000")));
        String past = Timestamps.format(Instant.now().minusSeconds(10));
        assertRsc(504, 4008, binding.handle(get("/cse-mn", "X-M2M-RET", past)));
    }

    @Test
    void requestExpiringInTheFutureIsServed() {
        String future = Timestamps.format(Instant.now().plusSeconds(10));
        assertRsc(200, 2000, binding.handle(get("/cse-mn", "X-M2M-RET", future)));
        assertRsc(200, 2000, binding.handle(get("/cse-mn", "X-M2M-RET", future.substring(0, 15))));
        assertRsc(200, 2000, binding.handle(get("/cse-mn", "X-M2M-RET", "10000")));
    }

    @Test
    void malformedRequestExpirationIsBadRequest() {
        for (String bad : new String[] {"soon", "2020-01-01T00:00:00", "20201301T000000", "20200101T000000,",
                "20200101T0000", "-", "12a"}) {
            assertRsc(400, 4000, binding.handle(get("/cse-mn", "X-M2M-RET", bad)));
        }
    }

    @Test
    void requestExpirationComparesToTheSecond() {
        assertTrue(HttpBinding.requestExpired("20261126T233328,999999", "20261126T233329"));
        assertFalse(HttpBinding.requestExpired("20261126T233329.5", "20261126T233329"));
        assertFalse(HttpBinding.requestExpired("20261127T000000", "20261126T233329"));
        assertTrue(HttpBinding.requestExpired("0", "20261126T233329"));
        assertFalse(HttpBinding.requestExpired("9999999999999999999999", "20261126T233329"));
        assertThrows(Onem2mException.class, () -> HttpBinding.requestExpired("", "20261126T233329"));
    }

    @Test
    void vendorInformationIsEchoedAndEveryResponseCarriesOriginatingTimestamp() {
        HttpResponseView ok = binding.handle(get("/cse-mn", "X-M2M-VSI", "some vendor information"));
        assertRsc(200, 2000, ok);
        assertEquals("some vendor information", ok.header("X-M2M-VSI"));
        String ot = ok.header("X-M2M-OT");
        assertNotNull(ot);
        assertEquals(Instant.now().getEpochSecond(), Timestamps.parse(ot).getEpochSecond(), 5);
        HttpResponseView error = binding.handle(get("/cse-mn/missing"));
        assertRsc(404, 4004, error);
        assertEquals(15, error.header("X-M2M-OT").length());
        assertNull(error.header("X-M2M-VSI"));
    }

    @Test
    void resultExpirationAndOperationExecutionTimeAreIgnored() {
        assertRsc(200, 2000, binding.handle(get("/cse-mn", "X-M2M-RST", "20200101T000000",
                "X-M2M-OET", "garbage")));
    }

    // item 3: release versions

    @Test
    void releaseOneIsNotSupported() {
        HttpResponseView r = binding.handle(get("/cse-mn", "X-M2M-RVI", "1"));
        assertRsc(501, 4001, r);
        assertEquals("5", r.header("X-M2M-RVI"));
    }

    @Test
    void supportedReleaseIsEchoedAndAnAbsentOneIsServedWithTheNewest() {
        assertEquals("2a", binding.handle(get("/cse-mn", "X-M2M-RVI", "2a")).header("X-M2M-RVI"));
        assertEquals("4", binding.handle(get("/cse-mn", "X-M2M-RVI", "4")).header("X-M2M-RVI"));
        HttpResponseView absent = binding.handle(get("/cse-mn", "X-M2M-RVI", null));
        assertRsc(200, 2000, absent);
        assertEquals("5", absent.header("X-M2M-RVI"));
    }

    // item 4: Accept and the vendor media type

    @Test
    void acceptAdmittingNoJsonIsUnsupportedMediaType() {
        assertRsc(415, 4015, binding.handle(get("/cse-mn", "Accept", "application/xml")));
        assertRsc(415, 4015, binding.handle(get("/cse-mn", "Accept", "application/cbor, text/*")));
        assertRsc(415, 4015, binding.handle(get("/cse-mn", "Accept", "application/json;q=0")));
        // refused before the engine runs: nothing is created
        assertRsc(415, 4015, binding.handle(req("POST", "/cse-mn", AE, "X-M2M-Origin", "Cdev",
                "Content-Type", "application/json;ty=2", "Accept", "application/xml")));
        assertRsc(404, 4004, binding.handle(get("/cse-mn/dev")));
    }

    @Test
    void acceptRangesAndJsonTypesAreServed() {
        for (String accept : new String[] {"*/*", "application/*", "application/json", "text/html, */*;q=0.1",
                "application/json; charset=utf-8"}) {
            HttpResponseView r = binding.handle(get("/cse-mn", "Accept", accept));
            assertRsc(200, 2000, r);
            assertEquals("application/json", r.header("Content-Type"), accept);
        }
    }

    @Test
    void vendorMediaTypeIsAnsweredInKind() {
        HttpResponseView accepted = binding.handle(get("/cse-mn", "Accept", "application/vnd.onem2m-res+json"));
        assertRsc(200, 2000, accepted);
        assertEquals("application/vnd.onem2m-res+json", accepted.header("Content-Type"));
        HttpResponseView created = binding.handle(req("POST", "/cse-mn", AE, "X-M2M-Origin", "Cdev",
                "Content-Type", "application/vnd.onem2m-res+json; ty=2"));
        assertRsc(201, 2001, created);
        assertEquals("application/vnd.onem2m-res+json", created.header("Content-Type"));
        HttpResponseView preferJson = binding.handle(get("/cse-mn",
                "Accept", "application/vnd.onem2m-res+json;q=0.5, application/json"));
        assertEquals("application/json", preferJson.header("Content-Type"));
    }

    // item 5: Allow on 405

    @Test
    void operationNotAllowedListsTheAllowedMethods() {
        registerWithContainerAndInstance();
        HttpResponseView cb = binding.handle(req("DELETE", "/cse-mn", null, "X-M2M-Origin", "CAdmin"));
        assertRsc(405, 4005, cb);
        assertEquals("GET, POST", cb.header("Allow"));
        HttpResponseView cin = binding.handle(req("PUT", "/cse-mn/dev/temp/i1", "{\"m2m:cin\":{\"lbl\":[\"x\"]}}",
                "X-M2M-Origin", "Cdev", "Content-Type", "application/json"));
        assertRsc(405, 4005, cin);
        assertEquals("GET, DELETE", cin.header("Allow"));
        HttpResponseView la = binding.handle(req("POST", "/cse-mn/dev/temp/la", "{\"m2m:cin\":{\"con\":\"2\"}}",
                "X-M2M-Origin", "Cdev", "Content-Type", "application/json;ty=4"));
        assertRsc(405, 4005, la);
        assertEquals("GET, DELETE", la.header("Allow"));
        HttpResponseView patch = binding.handle(req("PATCH", "/cse-mn/dev/temp", null, "X-M2M-Origin", "Cdev"));
        assertRsc(405, 4005, patch);
        assertEquals("GET, POST, PUT, DELETE", patch.header("Allow"));
        assertNull(binding.handle(get("/cse-mn")).header("Allow"));
    }

    @Test
    void allowOnAnEndpointServingOnlyRetrieveListsGet() {
        HttpBinding retrievePort = new HttpBinding(f.engine, FunctionSet.of(CommonServiceFunction.RETRIEVE), "");
        HttpResponseView r = retrievePort.handle(req("POST", "/cse-mn", AE, "X-M2M-Origin", "Cdev",
                "Content-Type", "application/json;ty=2"));
        assertRsc(405, 4005, r);
        assertEquals("GET", r.header("Allow"));
    }

    // item 6: %2F inside a segment

    @Test
    void encodedSlashDoesNotSplitAPathSegment() {
        registerWithContainerAndInstance();
        assertRsc(404, 4004, binding.handle(get("/cse-mn/dev%2Ftemp")));
        assertRsc(404, 4004, binding.handle(get("/cse-mn/dev%2ftemp/la")));
        assertRsc(200, 2000, binding.handle(get("/cse-mn/d%65v/temp")));
        assertRsc(400, 4000, binding.handle(get("/cse-mn/dev%zz")));
    }

    // item 7: ty on an UPDATE

    @Test
    void resourceTypeOnAnUpdateIsIgnored() {
        registerWithContainerAndInstance();
        HttpResponseView r = binding.handle(req("PUT", "/cse-mn/dev/temp", "{\"m2m:cnt\":{\"mni\":3}}",
                "X-M2M-Origin", "Cdev", "Content-Type", "application/json;ty=3"));
        assertRsc(200, 2004, r);
        assertEquals(3, json(r).get("m2m:cnt").get("mni").asInt());
    }
}
