package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 011 {@code ServiceDependency} (in {@code AppInfo}); transport dependencies and permissions are kept as given. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ServiceDependency")
public record ServiceDependency(String serName, CategoryRef serCategory, String version, List<Map<String, Object>> serTransportDependencies, List<Object> requestedPermissions) {
}
