package org.edgeslice.mep.timing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.edgeslice.contract.mec011.CurrentTime;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.common.ProblemDetailsMediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code {apiRoot}/mec_app_support/v2/timing} of ETSI GS MEC 011 (also served under {@code v1}, see {@link org.edgeslice.mep.AppSupportV1Alias}). */
@Path("mec_app_support/v2/timing")
@Produces(MediaType.APPLICATION_JSON)
public class TimingResource {

    /**
     * ETSI GS MEC 011 clause 7.2.10.3.1, "TimingCurrentTime_GET": the platform's current time. The platform
     * takes its time from the host clock, which it cannot prove traceable, hence NONTRACEABLE.
     */
    @GET
    @Path("current_time")
    @Operation(operationId = "TimingCurrentTime_GET", summary = "Retrieve the platform's current time")
    @APIResponse(responseCode = "200", description = "The current time",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CurrentTime.class)))
    @APIResponse(responseCode = "400", description = "Bad request",
            content = @Content(mediaType = ProblemDetailsMediaType.VALUE, schema = @Schema(implementation = ProblemDetails.class)))
    public CurrentTime currentTime() {
        Instant now = Instant.now();
        return new CurrentTime(now.getEpochSecond(), now.getNano(), CurrentTime.TimeSourceStatus.NONTRACEABLE);
    }
}
