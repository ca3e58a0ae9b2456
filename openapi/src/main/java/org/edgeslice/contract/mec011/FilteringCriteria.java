package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 011 {@code SerAvailabilityNotificationSubscription.filteringCriteria}: at most one of serInstanceIds, serNames, serCategories. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FilteringCriteria")
public record FilteringCriteria(List<String> serInstanceIds, List<String> serNames, List<CategoryRef> serCategories, List<ServiceState> states, @JsonProperty("isLocal") Boolean isLocal) {
}
