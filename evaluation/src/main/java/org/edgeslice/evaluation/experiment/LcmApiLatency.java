package org.edgeslice.evaluation.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.edgeslice.evaluation.client.CseEndpoint;
import org.edgeslice.evaluation.client.RawHttpClient;
import org.edgeslice.evaluation.stats.Summary;

/**
 * How the MEO's Mm1 API latency grows with the number of application instances it holds (ETSI GS MEC 010-2
 * {@code app_lcm/v1/app_instances}): instances are created one by one (POST, NOT_INSTANTIATED, no container) up to a
 * bound; at each checkpoint the list (GET app_instances) and one instance (GET app_instances/{id}) are timed; every
 * created instance is deleted at the end. Needs an onboarded, enabled package's {@code appDId}.
 */
public final class LcmApiLatency {
    /** Latencies (ms) with {@code instances} app instances in the MEO. */
    public record Point(int instances, Summary create, Summary list, Summary getOne) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_INSTANCES = 5000;
    private final String host;
    private final int port;
    private final String root;
    private final String appDId;

    /** @param meoApiRoot e.g. {@code http://127.0.0.1:18080/meo} (loopback only) */
    public LcmApiLatency(String meoApiRoot, String appDId) {
        CseEndpoint e = CseEndpoint.parse(meoApiRoot); // same rules: http, loopback, a path
        this.host = e.host();
        this.port = e.port();
        this.root = e.basePath() + "/app_lcm/v1/app_instances";
        this.appDId = appDId;
    }

    public List<Point> run(List<Integer> checkpoints, int readsPerCheckpoint) throws IOException {
        int max = checkpoints.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (max > MAX_INSTANCES) {
            throw new IllegalArgumentException("at most " + MAX_INSTANCES + " instances");
        }
        List<String> created = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        try (RawHttpClient c = new RawHttpClient(host, port)) {
            List<Double> createMs = new ArrayList<>();
            try {
                for (int k = 1; k <= max; k++) {
                    String body = JSON.createObjectNode().put("appDId", appDId).put("appInstanceName", "eval-" + k)
                            .put("appInstanceDescription", "evaluation: LCM API latency").toString();
                    long t0 = System.nanoTime();
                    RawHttpClient.Reply r = c.exchange(RawHttpClient.request("POST", host, root, null,
                            "application/json", body));
                    createMs.add((System.nanoTime() - t0) / 1e6);
                    if (r.status() != 201) {
                        throw new IOException("POST app_instances answered " + r.status() + ": " + r.text());
                    }
                    created.add(JSON.readTree(r.body()).path("id").asText());
                    if (checkpoints.contains(k)) {
                        double[] list = new double[readsPerCheckpoint];
                        double[] one = new double[readsPerCheckpoint];
                        byte[] getList = RawHttpClient.request("GET", host, root, null, null, null);
                        byte[] getOne = RawHttpClient.request("GET", host, root + "/" + created.get(k / 2), null,
                                null, null);
                        for (int i = 0; i < readsPerCheckpoint; i++) {
                            list[i] = timed(c, getList, 200);
                            one[i] = timed(c, getOne, 200);
                        }
                        points.add(new Point(k, Summary.ofMillis(createMs.stream().mapToDouble(d -> d).toArray()),
                                Summary.ofMillis(list), Summary.ofMillis(one)));
                        createMs.clear();
                    }
                }
            } finally {
                for (String id : created) {
                    c.exchange(RawHttpClient.request("DELETE", host, root + "/" + id, null, null, null));
                }
            }
        }
        return points;
    }

    private static double timed(RawHttpClient c, byte[] request, int expected) throws IOException {
        long t0 = System.nanoTime();
        RawHttpClient.Reply r = c.exchange(request);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.status() != expected) {
            throw new IOException("answered " + r.status() + ": " + r.text());
        }
        return ms;
    }
}
