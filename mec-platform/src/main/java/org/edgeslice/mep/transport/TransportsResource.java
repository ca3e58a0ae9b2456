package org.edgeslice.mep.transport;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.edgeslice.contract.mec011.EndPointInfo;
import org.edgeslice.contract.mec011.SecurityInfo;
import org.edgeslice.contract.mec011.TransportInfo;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code {apiRoot}/mec_service_mgmt/v1/transports} of ETSI GS MEC 011. */
@Path("mec_service_mgmt/v1/transports")
@Produces(MediaType.APPLICATION_JSON)
public class TransportsResource {

    @Inject
    TransportRepository transports;

    @Context
    UriInfo uriInfo;

    /**
     * ETSI GS MEC 011 clause 8.2.5.3.1, "Transports_GET": the transports the platform provides, each with the
     * endpoint and the security information a MEC application needs to use it.
     */
    @GET
    @Operation(operationId = "Transports_GET", summary = "The transports the platform provides (MEC 011 clause 8.2.5.3.1)")
    @APIResponse(responseCode = "200", description = "The available transports",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TransportInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    public List<TransportInfo> list() {
        String apiRoot = uriInfo.getBaseUri().toString();
        return transports.findAll().stream().map(t -> toInfo(t, apiRoot)).toList();
    }

    public static TransportInfo toInfo(TransportEntity t, String apiRoot) {
        SecurityInfo security = t.tokenEndpointPath == null ? null : new SecurityInfo(
                new SecurityInfo.OAuth2Info(List.of("OAUTH2_CLIENT_CREDENTIALS"), apiRoot + t.tokenEndpointPath));
        return new TransportInfo(t.id, t.name, t.description, t.type, t.protocol, t.version,
                EndPointInfo.ofUri(apiRoot), security);
    }
}
