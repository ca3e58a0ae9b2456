package org.edgeslice.evaluation.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The device of the paper's experiments over the oneM2M HTTP binding (TS-0009): it registers an AE with one container
 * and then creates contentInstances and retrieves the latest one ({@code .../la}) on one keep-alive connection.
 * Requests are built once and reused so that building them is not measured.
 */
public final class OneM2mDevice implements AutoCloseable {
    /** Body size of the paper's data creation request (about 400 bytes of JSON). */
    public static final int PAPER_CIN_BYTES = 400;

    private final CseEndpoint cse;
    private final String aeId;
    private final String aeName;
    private final RawHttpClient http;
    private final byte[] create;
    private final byte[] latest;

    private OneM2mDevice(CseEndpoint cse, String aeId, String aeName, int cinBytes) throws IOException {
        this.cse = cse;
        this.aeId = aeId;
        this.aeName = aeName;
        this.http = new RawHttpClient(cse.host(), cse.port());
        String container = cse.basePath() + "/" + aeName + "/data";
        this.create = RawHttpClient.request("POST", cse.host(), container, aeId, "application/json;ty=4",
                contentInstance(cinBytes));
        this.latest = RawHttpClient.request("GET", cse.host(), container + "/la", aeId, null, null);
    }

    /** A device with a fresh AE name (so runs never collide), connected but not yet registered. */
    public static OneM2mDevice connect(CseEndpoint cse, int cinBytes) throws IOException {
        String id = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        return new OneM2mDevice(cse, "Ceval" + id, "eval-" + id, cinBytes);
    }

    /** A device that uses an AE registered by another device (same AE, own connection). */
    public OneM2mDevice sibling(CseEndpoint via) throws IOException {
        return new OneM2mDevice(via, aeId, aeName, cinBytesOf(create));
    }

    private static int cinBytesOf(byte[] request) {
        String s = new String(request, StandardCharsets.UTF_8);
        return s.length() - s.indexOf("\r\n\r\n") - 4;
    }

    /** Registers the AE and its container {@code data} (mni bounds the CSE's memory). */
    public void register(int mni) throws IOException {
        expect(http.exchange(RawHttpClient.request("POST", cse.host(), cse.basePath(), aeId, "application/json;ty=2",
                "{\"m2m:ae\":{\"rn\":\"" + aeName + "\",\"api\":\"Neval.edgeslice.org\",\"rr\":false,"
                        + "\"srv\":[\"3\"]}}")), 201, "AE create");
        expect(http.exchange(RawHttpClient.request("POST", cse.host(), cse.basePath() + "/" + aeName, aeId,
                "application/json;ty=3", "{\"m2m:cnt\":{\"rn\":\"data\",\"mni\":" + mni + "}}")), 201,
                "container create");
    }

    /** A contentInstance whose JSON body is exactly {@code bytes} long (the payload pads it). */
    static String contentInstance(int bytes) {
        String head = "{\"m2m:cin\":{\"cnf\":\"application/json:0\",\"con\":\"";
        String tail = "\"}}";
        int pad = Math.max(0, bytes - head.length() - tail.length());
        StringBuilder sb = new StringBuilder(bytes).append(head);
        String reading = "{temp:23.5,speed:88,seq:0}";
        while (sb.length() - head.length() < pad) {
            sb.append(reading, 0, Math.min(reading.length(), pad - (sb.length() - head.length())));
        }
        return sb.append(tail).toString();
    }

    /** One contentInstance CREATE; returns the HTTP status. */
    public int createContentInstance() throws IOException {
        return http.exchange(create).status();
    }

    /** One RETRIEVE of the latest contentInstance; returns the HTTP status. */
    public int retrieveLatest() throws IOException {
        return http.exchange(latest).status();
    }

    public RawHttpClient.Reply createReply() throws IOException {
        return http.exchange(create);
    }

    public RawHttpClient.Reply latestReply() throws IOException {
        return http.exchange(latest);
    }

    public int createRequestBytes() {
        return create.length;
    }

    public int latestRequestBytes() {
        return latest.length;
    }

    public String aeId() {
        return aeId;
    }

    public String aeName() {
        return aeName;
    }

    public CseEndpoint cse() {
        return cse;
    }

    /** Generic exchange on this device's connection (e.g. reading resources to copy them). */
    public RawHttpClient.Reply exchange(String method, String path, String contentType, String body)
            throws IOException {
        return http.exchange(RawHttpClient.request(method, cse.host(), path, aeId, contentType, body));
    }

    /** Deletes the AE (and so everything below it). */
    public void deregister() throws IOException {
        http.exchange(RawHttpClient.request("DELETE", cse.host(), cse.basePath() + "/" + aeName, aeId, null, null));
    }

    private static void expect(RawHttpClient.Reply r, int status, String what) throws IOException {
        if (r.status() != status) {
            throw new IOException(what + " failed: HTTP " + r.status() + " " + r.text());
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
