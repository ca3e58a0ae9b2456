package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 011 {@code CategoryRef}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CategoryRef")
public record CategoryRef(String href, String id, String name, String version) {
}
