package org.edgeslice.mep.timing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.time.Instant;
import org.edgeslice.contract.common.TimeStamp;
import org.edgeslice.contract.mec011.CurrentTime;
import org.edgeslice.contract.mec011.TimingCaps;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code {apiRoot}/mec_app_support/v2/timing} of ETSI GS MEC 011 (also served under {@code v1}, see {@link org.edgeslice.mep.AppSupportV1Alias}). */
@Path("mec_app_support/v2/timing")
@Produces(MediaType.APPLICATION_JSON)
public class TimingResource {

    /**
     * ETSI GS MEC 011 clause 7.2.10.3.1, "TimingCaps_GET". The platform takes its time from the host clock and
     * neither runs nor knows of NTP servers or PTP masters it could offer, so it reports only the time stamp.
     */
    @GET
    @Path("timing_caps")
    @Operation(operationId = "TimingCaps_GET", summary = "The platform's timing capabilities (MEC 011 clause 7.2.10.3.1)")
    @APIResponse(responseCode = "200", description = "The timing capabilities",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimingCaps.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    public TimingCaps timingCaps() {
        return new TimingCaps(TimeStamp.now(), null, null);
    }

    /**
     * ETSI GS MEC 011 clause 7.2.11.3.1, "TimingCurrentTime_GET": the platform's current time. The platform
     * takes its time from the host clock, which it cannot prove traceable, hence NONTRACEABLE.
     */
    @GET
    @Path("current_time")
    @Operation(operationId = "TimingCurrentTime_GET", summary = "The platform's current time (MEC 011 clause 7.2.11.3.1)")
    @APIResponse(responseCode = "200", description = "The current time",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CurrentTime.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    public CurrentTime currentTime() {
        Instant now = Instant.now();
        return new CurrentTime(now.getEpochSecond(), now.getNano(), CurrentTime.TimeSourceStatus.NONTRACEABLE);
    }
}
