package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.edgeslice.contract.common.LinkType;

/** ETSI GS MEC 011 {@code Self}: {@code _links} holding only {@code self}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SelfLinks")
public record SelfLinks(LinkType self) {
}
