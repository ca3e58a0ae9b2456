package org.edgeslice.evaluation.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.edgeslice.evaluation.client.CseEndpoint;
import org.edgeslice.evaluation.client.RawHttpClient;
import org.edgeslice.evaluation.target.SliceProcess;

/**
 * Slice preparation on a bare MEC host, without MEO/MEPM/Docker: "slicing" = start the slice jar (the pre-stored
 * image) as a process with the requested functions until its CSEBase answers; "offloading" = read the device's AE,
 * container and latest contentInstance from the cloud CSE (across the emulated WAN) and create them on the new slice.
 * It is the lower bound the full procedure adds its orchestration steps to.
 */
public final class StandaloneSlicePreparation implements SlicePreparationProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path sliceJar;
    private final Path workDir;
    private final String functions;
    private final CseEndpoint cloud;
    private final String aeId;
    private final String aeName;

    /**
     * @param cloud  the cloud CSE as the edge host reaches it (through the WAN emulator)
     * @param aeName the device's AE in the cloud, with a container {@code data} holding at least one instance
     */
    public StandaloneSlicePreparation(Path sliceJar, Path workDir, String functions, CseEndpoint cloud, String aeId,
                                      String aeName) {
        this.sliceJar = sliceJar;
        this.workDir = workDir;
        this.functions = functions;
        this.cloud = cloud;
        this.aeId = aeId;
        this.aeName = aeName;
    }

    @Override
    public String name() {
        return "standalone";
    }

    @Override
    public String description() {
        return "slice jar started as a process with functions [" + functions + "] until its CSEBase answers 200"
                + " (slicing), then the device's AE, container and latest contentInstance read from the cloud CSE"
                + " across the emulated WAN and created on the slice (offloading); no MEO/MEPM/container engine";
    }

    @Override
    public Run prepare(int run) throws Exception {
        long t0 = System.nanoTime();
        try (SliceProcess slice = SliceProcess.start(sliceJar, "slice-prep-" + run, functions,
                workDir.resolve("prep-" + run), SliceProcess.DEPLOYMENT_JVM, 30_000)) {
            long t1 = System.nanoTime();
            offload(slice.endpoint());
            long t2 = System.nanoTime();
            Map<String, Double> phases = new LinkedHashMap<>();
            phases.put("slicing", (t1 - t0) / 1e6);
            phases.put("offloading", (t2 - t1) / 1e6);
            return new Run((t2 - t0) / 1e6, phases);
        }
    }

    private void offload(CseEndpoint edge) throws IOException {
        String ae = cloud.basePath() + "/" + aeName;
        try (RawHttpClient c = new RawHttpClient(cloud.host(), cloud.port());
             RawHttpClient e = new RawHttpClient(edge.host(), edge.port())) {
            JsonNode aeRes = get(c, ae).path("m2m:ae");
            JsonNode cnt = get(c, ae + "/data").path("m2m:cnt");
            JsonNode cin = get(c, ae + "/data/la").path("m2m:cin");
            ObjectNode newAe = JSON.createObjectNode();
            newAe.putObject("m2m:ae").put("rn", aeName).put("api", aeRes.path("api").asText("Neval.edgeslice.org"))
                    .put("rr", aeRes.path("rr").asBoolean(false)).putArray("srv").add("3");
            post(e, edge.basePath(), 2, newAe);
            ObjectNode newCnt = JSON.createObjectNode();
            newCnt.putObject("m2m:cnt").put("rn", "data").put("mni", cnt.path("mni").asInt(1000));
            post(e, edge.basePath() + "/" + aeName, 3, newCnt);
            ObjectNode newCin = JSON.createObjectNode();
            newCin.putObject("m2m:cin").put("cnf", cin.path("cnf").asText("text/plain:0"))
                    .put("con", cin.path("con").asText(""));
            post(e, edge.basePath() + "/" + aeName + "/data", 4, newCin);
        }
    }

    private JsonNode get(RawHttpClient c, String path) throws IOException {
        RawHttpClient.Reply r = c.exchange(RawHttpClient.request("GET", cloud.host(), path, aeId, null, null));
        if (r.status() != 200) {
            throw new IOException("GET " + path + " at the cloud: HTTP " + r.status() + " " + r.text());
        }
        return JSON.readTree(r.body());
    }

    private void post(RawHttpClient e, String path, int ty, JsonNode body) throws IOException {
        RawHttpClient.Reply r = e.exchange(RawHttpClient.request("POST", "127.0.0.1", path, aeId,
                "application/json;ty=" + ty, JSON.writeValueAsString(body)));
        if (r.status() != 201) {
            throw new IOException("POST " + path + " at the slice: HTTP " + r.status() + " " + r.text());
        }
    }
}
