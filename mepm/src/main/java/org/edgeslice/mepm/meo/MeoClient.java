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
     * {@code POST {meo}/granting/v1/grants}: 201 with the Grant, or 202 with a Location polled until the MEO
     * decides. A refusal (403, 409, 422, ...) throws {@link GrantRefused} carrying the MEO's reason.
     */
    public Grant grant(GrantRequest request) {
        String url = settings.meoUrl() + "/granting/v1/grants";
        JsonHttp.Reply r = JsonHttp.send("POST", url, request, null, settings.grantTimeout());
        long deadline = System.nanoTime() + settings.grantTimeout().toNanos();
        while (r.status() == 202) {
            String poll = JsonHttp.resolve(url, r.location().orElseThrow(() -> new GrantRefused(502,
                    "the MEO answered 202 without Location")));
            if (System.nanoTime() > deadline) {
                throw new GrantRefused(504, "the MEO did not decide the grant within " + settings.grantTimeout());
            }
            sleep(200);
            r = JsonHttp.send("GET", poll, null, null, settings.grantTimeout());
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

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
