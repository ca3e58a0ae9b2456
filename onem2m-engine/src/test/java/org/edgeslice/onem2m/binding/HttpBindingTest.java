package org.edgeslice.onem2m.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edgeslice.onem2m.Fixture;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.function.CommonServiceFunction;
import org.edgeslice.onem2m.function.FunctionSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpBindingTest {
    private final Fixture f = new Fixture();
    private final HttpBinding binding = new HttpBinding(f.engine);

    @AfterEach
    void close() {
        f.close();
    }

    private static HttpRequestView req(String method, String path, String query, String origin, String contentType,
                                       String body) {
        Map<String, String> h = new HashMap<>();
        h.put("x-m2m-ri", "req-1");
        h.put("X-M2M-RVI", "3");
        if (origin != null) {
            h.put("X-M2M-Origin", origin);
        }
        if (contentType != null) {
            h.put("content-type", contentType);
        }
        return new HttpRequestView(method, path, query, h, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponseView r) {
        return Json.parse(r.body());
    }

    private static void assertStatus(int http, int rsc, HttpResponseView r) {
        assertEquals(http, r.status(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(String.valueOf(rsc), r.header("X-M2M-RSC"));
        assertEquals("req-1", r.header("X-M2M-RI"));
        assertEquals("3", r.header("X-M2M-RVI"));
    }

    private void registerAndCreateContainer() {
        assertStatus(201, 2001, binding.handle(req("POST", "/cse-mn", null, "Cdev", "application/json;ty=2",
                "{\"m2m:ae\":{\"rn\":\"dev\",\"api\":\"Nx.y.z\",\"rr\":true,\"srv\":[\"3\"]}}")));
        assertStatus(201, 2001, binding.handle(req("POST", "/cse-mn/dev", null, "Cdev", "application/json; ty=3",
                "{\"m2m:cnt\":{\"rn\":\"temp\"}}")));
    }

    @Test
    void createAnswers201WithContentLocationAndJson() {
        HttpResponseView r = binding.handle(req("POST", "/cse-mn", null, "Cdev", "application/json;ty=2",
                "{\"m2m:ae\":{\"rn\":\"dev\",\"api\":\"Nx.y.z\",\"rr\":true,\"srv\":[\"3\"]}}"));
        assertStatus(201, 2001, r);
        assertEquals("/cse-mn/dev", r.header("Content-Location"));
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals("Cdev", json(r).get("m2m:ae").get("aei").asText());
    }

    @Test
    void retrieveLatestThroughStructuredAndSpRelativePaths() {
        registerAndCreateContainer();
        binding.handle(req("POST", "/cse-mn/dev/temp", null, "Cdev", "application/json;ty=4",
                "{\"m2m:cin\":{\"con\":\"42\"}}"));
        HttpResponseView la = binding.handle(req("GET", "/cse-mn/dev/temp/la", null, "Cdev", null, null));
        assertStatus(200, 2000, la);
        assertEquals("42", json(la).get("m2m:cin").get("con").asText());
        HttpResponseView sp = binding.handle(req("GET", "/~/id-mn/cse-mn/dev/temp/la", null, "Cdev", null, null));
        assertStatus(200, 2000, sp);
        HttpResponseView abs = binding.handle(req("GET", "/_/sp.example/id-mn/cse-mn/dev/temp", null, "Cdev", null, null));
        assertStatus(200, 2000, abs);
    }

    @Test
    void malformedJsonIsBadRequestNotServerError() {
        registerAndCreateContainer();
        assertStatus(400, 4000, binding.handle(req("POST", "/cse-mn/dev", null, "Cdev", "application/json;ty=3",
                "{\"m2m:cnt\":{")));
        assertStatus(400, 4000, binding.handle(req("POST", "/cse-mn/dev", null, "Cdev", "application/json;ty=3",
                "[1,2]")));
        assertStatus(400, 4000, binding.handle(req("POST", "/cse-mn/dev", null, "Cdev", "application/json;ty=3", "")));
        assertStatus(400, 4000, binding.handle(req("POST", "/cse-mn/dev", null, "Cdev", "application/json;ty=x",
                "{}")));
    }

    @Test
    void missingOriginatorIsBadRequest() {
        HttpResponseView r = binding.handle(req("GET", "/cse-mn", null, null, null, null));
        assertStatus(400, 4000, r);
        assertTrue(json(r).get("m2m:dbg").asText().contains("X-M2M-Origin"));
    }

    @Test
    void missingRequestIdIsBadRequestAndStillCarriesRsc() {
        HttpResponseView r = binding.handle(new HttpRequestView("GET", "/cse-mn", null,
                Map.of("X-M2M-Origin", "Cdev"), null));
        assertEquals(400, r.status());
        assertEquals("4000", r.header("X-M2M-RSC"));
        assertNull(r.header("X-M2M-RI"));
    }

    @Test
    void postWithoutTyToAContainerIsBadRequest() {
        registerAndCreateContainer();
        assertStatus(400, 4000, binding.handle(req("POST", "/cse-mn/dev/temp", null, "Cdev", "application/json",
                "{\"m2m:cin\":{\"con\":\"x\"}}")));
    }

    @Test
    void unknownAttributeAndUnknownQueryParameterAreBadRequest() {
        registerAndCreateContainer();
        assertStatus(400, 4000, binding.handle(req("POST", "/cse-mn/dev", null, "Cdev", "application/json;ty=3",
                "{\"m2m:cnt\":{\"bogus\":1}}")));
        assertStatus(400, 4000, binding.handle(req("GET", "/cse-mn/dev", "foo=bar", "Cdev", null, null)));
        assertStatus(400, 4000, binding.handle(req("GET", "/cse-mn/dev", "rcn=abc", "Cdev", null, null)));
    }

    @Test
    void unsupportedMediaTypeIs415() {
        registerAndCreateContainer();
        assertStatus(415, 4015, binding.handle(req("POST", "/cse-mn/dev", null, "Cdev", "application/xml;ty=3",
                "<cnt/>")));
    }

    @Test
    void discoveryThroughQueryString() {
        registerAndCreateContainer();
        HttpResponseView r = binding.handle(req("GET", "/cse-mn/dev", "fu=1&ty=3+4&lim=10&drt=1", "Cdev", null, null));
        assertStatus(200, 2000, r);
        assertEquals("cse-mn/dev/temp", json(r).get("m2m:uril").get(0).asText());
    }

    private List<String> uril(String path, String query) {
        HttpResponseView r = binding.handle(req("GET", path, query, "Cdev", null, null));
        assertStatus(200, 2000, r);
        List<String> out = new ArrayList<>();
        json(r).path("m2m:uril").forEach(u -> out.add(u.asText()));
        return out;
    }

    @Test
    void attributeConditionsInTheQueryStringFilterByValue() {
        registerAndCreateContainer();
        assertStatus(201, 2001, binding.handle(req("POST", "/cse-mn/dev", null, "Cdev", "application/json;ty=3",
                "{\"m2m:cnt\":{\"rn\":\"hum\",\"lbl\":[\"room:1\",\"floor:2\"]}}")));
        for (String con : new String[] {"abc", "a%20b"}) {
            assertStatus(201, 2001, binding.handle(req("POST", "/cse-mn/dev/hum", null, "Cdev",
                    "application/json;ty=4", "{\"m2m:cin\":{\"con\":\"" + con.replace("%20", " ") + "\"}}")));
        }
        // TS-0009 §6.2.2.2 <shortName>=<value>, as ACME testDiscovery ?cni=5 and ?con=a*
        assertEquals(List.of("cse-mn/dev/hum"), uril("/cse-mn/dev", "fu=1&cni=2"));
        assertEquals(List.of(), uril("/cse-mn/dev", "fu=1&cni=3"));
        assertEquals(List.of("cse-mn/dev/temp"), uril("/cse-mn/dev", "fu=1&rn=t*"));
        assertEquals(2, uril("/cse-mn/dev", "fu=1&ty=4&con=a*").size());
        assertEquals(1, uril("/cse-mn/dev", "fu=1&con=a+b").size()); // + is a space of the value
        assertEquals(List.of("cse-mn/dev/hum"), uril("/cse-mn/dev", "fu=1&lbl=floor:2")); // lbl stays a condition
        assertEquals(List.of("cse-mn/dev/hum"), uril("/cse-mn/dev", "fu=1&ty=3&cni=2")); // fo=1: all of them
        assertEquals(List.of("cse-mn/dev/temp", "cse-mn/dev/hum"),
                uril("/cse-mn/dev", "fu=1&rn=temp&cni=2&fo=2")); // fo=2: any of them
        // conditional retrieval (no fu) of the child resources, as ACME test_retrieveCNTbyCNIunderAE
        HttpResponseView r = binding.handle(req("GET", "/cse-mn/dev", "rcn=8&cni=2", "Cdev", null, null));
        assertStatus(200, 2000, r);
        assertEquals(1, json(r).get("m2m:ae").get("m2m:cnt").size(), () -> json(r).toString());
        assertEquals("hum", json(r).get("m2m:ae").get("m2m:cnt").get(0).get("rn").asText());
        // not an attribute of any resource type: still 4000; a condition given twice is ambiguous: 4000
        assertStatus(400, 4000, binding.handle(req("GET", "/cse-mn/dev", "xxx=yyy", "Cdev", null, null)));
        assertStatus(400, 4000, binding.handle(req("GET", "/cse-mn/dev", "cni=1&cni=2", "Cdev", null, null)));
    }

    @Test
    void hybridAddressIsServed() {
        registerAndCreateContainer();
        HttpResponseView r = binding.handle(req("GET", "/Cdev/temp", null, "Cdev", null, null));
        assertStatus(200, 2000, r);
        assertEquals("temp", json(r).get("m2m:cnt").get("rn").asText());
    }

    @Test
    void updateAndDeleteMapToPutAndDelete() {
        registerAndCreateContainer();
        HttpResponseView put = binding.handle(req("PUT", "/cse-mn/dev/temp", null, "Cdev", "application/json",
                "{\"m2m:cnt\":{\"mni\":3}}"));
        assertStatus(200, 2004, put);
        assertEquals(3, json(put).get("m2m:cnt").get("mni").asInt());
        HttpResponseView del = binding.handle(req("DELETE", "/cse-mn/dev/temp", null, "Cdev", null, null));
        assertStatus(200, 2002, del);
        assertEquals(0, del.body().length);
        assertStatus(404, 4004, binding.handle(req("GET", "/cse-mn/dev/temp", null, "Cdev", null, null)));
    }

    @Test
    void unsupportedReleaseIs501WithOurReleaseInTheResponse() {
        Map<String, String> h = Map.of("X-M2M-RI", "r", "X-M2M-Origin", "Cdev", "X-M2M-RVI", "99");
        HttpResponseView r = binding.handle(new HttpRequestView("GET", "/cse-mn", null, h, null));
        assertEquals(501, r.status());
        assertEquals("4001", r.header("X-M2M-RSC"));
        assertEquals("5", r.header("X-M2M-RVI"));
    }

    @Test
    void missingFunctionIs501AndFunctionOnAnotherPortIs405() {
        try (Fixture slice = new Fixture(FunctionSet.forSlice("registration"))) {
            HttpBinding b = new HttpBinding(slice.engine);
            assertStatus(501, 5001, b.handle(req("GET", "/cse-mn", null, "Cdev", null, null)));
        }
        HttpBinding retrievePort = new HttpBinding(f.engine, FunctionSet.of(CommonServiceFunction.RETRIEVE), "");
        assertStatus(405, 4005, retrievePort.handle(req("POST", "/cse-mn", null, "Cdev", "application/json;ty=2",
                "{\"m2m:ae\":{\"api\":\"Nx.y.z\",\"rr\":true,\"srv\":[\"3\"]}}")));
        assertStatus(200, 2000, retrievePort.handle(req("GET", "/cse-mn", null, Fixture.ADMIN, null, null)));
    }

    @Test
    void rootPrefixIsStripped() {
        HttpBinding rooted = new HttpBinding(f.engine, null, "/onem2m");
        assertStatus(200, 2000, rooted.handle(req("GET", "/onem2m/cse-mn", null, Fixture.ADMIN, null, null)));
        assertStatus(404, 4004, rooted.handle(req("GET", "/cse-mn", null, "Cdev", null, null)));
    }

    @Test
    void unknownMethodIsOperationNotAllowed() {
        assertStatus(405, 4005, binding.handle(req("PATCH", "/cse-mn", null, "Cdev", null, null)));
    }
}
