package org.edgeslice.meapp.mp1;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.edgeslice.contract.mec011.AccessTokenResponse;
import org.edgeslice.meapp.http.BlockingHttp;
import org.edgeslice.meapp.json.RecordJson;

/**
 * OAuth 2.0 client credentials grant against the MEC platform's token endpoint ({@code {mp1}/oauth2/token}, RFC 6749
 * clause 4.4; ETSI GS MEC 009 clause 7). The token is cached and fetched again shortly <em>before</em> it expires
 * (a fifth of its lifetime, at most 30 s early), so no Mp1 call goes out with a token about to lapse; a 401 from the
 * platform (e.g. the platform restarted with a new key) drops it at once ({@link #invalidate()}).
 */
public final class AccessTokenSource {
    private final URI tokenEndpoint;
    private final String basicAuth;
    private final Clock clock;
    private final Duration timeout;

    private String token;
    private Instant refreshAt = Instant.MIN;
    private int fetches;

    public AccessTokenSource(String mp1Url, String clientId, String clientSecret, Clock clock, Duration timeout) {
        this.tokenEndpoint = URI.create(mp1Url + "/oauth2/token");
        // RFC 6749 clause 2.3.1: id and secret are form-urlencoded before Basic encoding
        String pair = form(clientId) + ":" + form(clientSecret);
        this.basicAuth = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
        this.timeout = timeout;
    }

    /** A valid bearer token, fetched or refreshed if needed. */
    public synchronized String token() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    public synchronized void invalidate() {
        token = null;
    }

    /** How many times a token was fetched (for tests and metrics). */
    public synchronized int fetches() {
        return fetches;
    }

    private void fetch() {
        BlockingHttp.Reply response;
        try {
            response = BlockingHttp.exchange("POST", tokenEndpoint,
                    "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII),
                    "application/x-www-form-urlencoded", timeout, Map.of("Authorization", basicAuth));
        } catch (IOException e) {
            throw new Mp1Exception("POST oauth2/token", e);
        }
        if (response.status() != 200) {
            throw new Mp1Exception("POST oauth2/token", response.status(),
                    new String(response.body(), StandardCharsets.UTF_8));
        }
        AccessTokenResponse body;
        try {
            body = RecordJson.read(response.body(), AccessTokenResponse.class);
        } catch (IOException e) {
            throw new Mp1Exception("POST oauth2/token (unreadable answer)", 200, e.getMessage());
        }
        if (body.accessToken() == null || !"bearer".equalsIgnoreCase(body.tokenType())) {
            throw new Mp1Exception("POST oauth2/token", 200, "no bearer access_token in the answer");
        }
        long lifetime = body.expiresIn() > 0 ? body.expiresIn() : 60;
        long early = Math.min(30, Math.max(1, lifetime / 5));
        token = body.accessToken();
        refreshAt = clock.instant().plusSeconds(lifetime - early);
        fetches++;
    }

    private static String form(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
