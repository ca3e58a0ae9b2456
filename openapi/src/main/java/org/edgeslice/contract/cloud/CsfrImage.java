package org.edgeslice.contract.cloud;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A repository of the CSFR (the OCI registry) with its tags; for slice images, the functions of each tag. */
@Schema(name = "CsfrImage")
public record CsfrImage(@Schema(required = true) String repository, @Schema(required = true) List<Tag> tags) {

    /** One tag: the pullable reference and, for slice images, the function set it was composed of. */
    @Schema(name = "CsfrTag")
    public record Tag(@Schema(required = true) String tag, @Schema(required = true) String reference,
                      @Schema List<String> functions) {
    }
}
