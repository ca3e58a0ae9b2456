package org.edgeslice.mepm.meo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.edgeslice.contract.mec010.grant.Grant;
import org.edgeslice.contract.mec010.grant.GrantRequest;
import org.edgeslice.contract.mec010.host.MecHostInfo;
import org.edgeslice.mepm.config.MepmSettings;
import org.edgeslice.mepm.http.JsonHttp;

/** What the MEPM asks of the MEO: host registration, grants (ETSI GS MEC 010-2 clause 7.5) and AppDs. */
@ApplicationScoped
public class MeoClient {

    @Inject
    MepmSettings settings;

    /** {@code PUT {meo}/mec_hosts/v1/hosts/{hostId}}; true when the MEO accepted it. */
    public boolean register(MecHostInfo host) {
        JsonHttp.Reply r = JsonHttp.send("PUT", settings.meoUrl() + "/mec_hosts/v1/hosts/" + host.hostId(), host, null,
                Duration.ofSeconds(10));
        return r.ok();
    }

    /**
     * {@code POST {meo}/granting/v1/grants}: 201 with the Grant, or 202 with a Location polled (GET, 200 once
     * decided, 202 meanwhile) until the MEO decides. A refusal (403, 409, 422, ...) throws {@link GrantRefused}
     * carrying the MEO's reason; no decision within {@code mepm.grant.timeout} throws {@link GrantUndecided}.
     */
    public Grant grant(GrantRequest request) {
        String url = settings.meoUrl() + "/granting/v1/grants";
        Duration timeout = settings.grantTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonHttp.Reply r = JsonHttp.send("POST", url, request, null, timeout);
        String poll = null;
        long pause = 50;
        while (r.status() == 202) {
            // the first 202 names the grant; later ones may repeat it (or not)
            String location = r.location().orElse(null);
            if (location != null) {
                poll = JsonHttp.resolve(url, location);
            } else if (poll == null) {
                throw new GrantRefused(502, "the MEO answered 202 without Location");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new GrantUndecided("the MEO did not decide the grant " + poll + " within " + timeout);
            }
            sleep(Math.min(pause, TimeUnit.NANOSECONDS.toMillis(left) + 1));
            pause = Math.min(pause * 2, 1000);
            r = JsonHttp.send("GET", poll, null, null, timeout);
        }
        if (r.status() == 200 || r.status() == 201) {
            return r.as(Grant.class);
        }
        String detail = r.body() == null || r.body().isBlank() ? "" : r.json().path("detail").asText(r.body());
        throw new GrantRefused(r.status(), "the MEO refused the grant (" + r.status() + "): " + detail);
    }

    /** {@code GET {meo}/app_pkgm/v1/onboarded_app_packages/{appDId}/appd}: the AppD JSON, or null if unknown. */
    public String appD(String appDId) {
        JsonHttp.Reply r = JsonHttp.send("GET", settings.meoUrl() + "/app_pkgm/v1/onboarded_app_packages/"
                + appDId + "/appd", null, null, Duration.ofSeconds(15));
        if (r.status() == 404) {
            return null;
        }
        if (!r.ok()) {
            throw new JsonHttp.PeerException("the MEO answered " + r.status() + " for the AppD " + appDId + ": " + r.body(), null);
        }
        return r.body();
    }

    /** The MEO refused or could not decide a grant. */
    public static class GrantRefused extends RuntimeException {
        private final int status;

        public GrantRefused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * The MEO accepted the grant request (202) but did not decide it in time: not a refusal, so the operation
     * ends FAILED_TEMP (nothing was done; it may be asked again).
     */
    public static class GrantUndecided extends GrantRefused {

        public GrantUndecided(String message) {
            super(504, message);
        }
    }

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
