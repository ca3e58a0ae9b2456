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
import org.edgeslice.contract.mec011.DnsRule;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code {apiRoot}/mec_app_support/v2/applications/{appInstanceId}/dns_rules} of ETSI GS MEC 011. */
@Path("mec_app_support/v2/applications/{appInstanceId}/dns_rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DnsRulesResource {

    @Inject
    Rules rules;

    /** ETSI GS MEC 011 clause 7.2.8.3.1, "ApplicationsDnsRules_GET". */
    @GET
    @Operation(operationId = "ApplicationsDnsRules_GET", summary = "The app's DNS rules (MEC 011 clause 7.2.8.3.1)")
    @APIResponse(responseCode = "200", description = "The DNS rules",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = DnsRule.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public List<DnsRule> list(@PathParam("appInstanceId") String appInstanceId) {
        return rules.dnsRules(appInstanceId);
    }

    /** ETSI GS MEC 011 clause 7.2.9.3.1, "ApplicationsDnsRule_GET", with its strong ETag. */
    @GET
    @Path("{dnsRuleId}")
    @Operation(operationId = "ApplicationsDnsRule_GET", summary = "One DNS rule (MEC 011 clause 7.2.9.3.1); ETag")
    @APIResponse(responseCode = "200", description = "The DNS rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DnsRule.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public Response get(@PathParam("appInstanceId") String appInstanceId, @PathParam("dnsRuleId") String ruleId) {
        Versioned<DnsRule> r = rules.dnsRule(appInstanceId, ruleId);
        return Response.ok(r.body()).header(HttpHeaders.ETAG, r.etag()).build();
    }

    /** ETSI GS MEC 011 clause 7.2.9.3.2, "ApplicationsDnsRule_PUT": 412 when If-Match does not match. */
    @PUT
    @Path("{dnsRuleId}")
    @Operation(operationId = "ApplicationsDnsRule_PUT", summary = "Replace a DNS rule (MEC 011 clause 7.2.9.3.2); If-Match")
    @APIResponse(responseCode = "200", description = "The updated DNS rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DnsRule.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "412", ref = "412")
    public Response put(@PathParam("appInstanceId") String appInstanceId, @PathParam("dnsRuleId") String ruleId,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DnsRule.class))) DnsRule rule) {
        Versioned<DnsRule> r = rules.replace(appInstanceId, ruleId, rule, ifMatch);
        return Response.ok(r.body()).header(HttpHeaders.ETAG, r.etag()).build();
    }
}
