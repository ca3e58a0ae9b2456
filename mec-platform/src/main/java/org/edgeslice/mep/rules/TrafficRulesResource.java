package org.edgeslice.mep.rules;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.edgeslice.contract.mec011.TrafficRule;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code {apiRoot}/mec_app_support/v2/applications/{appInstanceId}/traffic_rules} of ETSI GS MEC 011. */
@Path("mec_app_support/v2/applications/{appInstanceId}/traffic_rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrafficRulesResource {

    @Inject
    Rules rules;

    /** ETSI GS MEC 011 clause 7.2.6.3.1, "ApplicationsTrafficRules_GET". */
    @GET
    @Operation(operationId = "ApplicationsTrafficRules_GET", summary = "The app's traffic rules (MEC 011 clause 7.2.6.3.1)")
    @APIResponse(responseCode = "200", description = "The traffic rules",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TrafficRule.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public List<TrafficRule> list(@PathParam("appInstanceId") String appInstanceId) {
        return rules.trafficRules(appInstanceId);
    }

    /** ETSI GS MEC 011 clause 7.2.7.3.1, "ApplicationsTrafficRule_GET", with its strong ETag. */
    @GET
    @Path("{trafficRuleId}")
    @Operation(operationId = "ApplicationsTrafficRule_GET", summary = "One traffic rule (MEC 011 clause 7.2.7.3.1); ETag")
    @APIResponse(responseCode = "200", description = "The traffic rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrafficRule.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public Response get(@PathParam("appInstanceId") String appInstanceId, @PathParam("trafficRuleId") String ruleId) {
        Versioned<TrafficRule> r = rules.trafficRule(appInstanceId, ruleId);
        return Response.ok(r.body()).header(HttpHeaders.ETAG, r.etag()).build();
    }

    /** ETSI GS MEC 011 clause 7.2.7.3.2, "ApplicationsTrafficRule_PUT": 412 when If-Match does not match. */
    @PUT
    @Path("{trafficRuleId}")
    @Operation(operationId = "ApplicationsTrafficRule_PUT", summary = "Replace a traffic rule (MEC 011 clause 7.2.7.3.2); If-Match")
    @APIResponse(responseCode = "200", description = "The updated traffic rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrafficRule.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "412", ref = "412")
    public Response put(@PathParam("appInstanceId") String appInstanceId, @PathParam("trafficRuleId") String ruleId,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrafficRule.class))) TrafficRule rule) {
        Versioned<TrafficRule> r = rules.replace(appInstanceId, ruleId, rule, ifMatch);
        return Response.ok(r.body()).header(HttpHeaders.ETAG, r.etag()).build();
    }
}
