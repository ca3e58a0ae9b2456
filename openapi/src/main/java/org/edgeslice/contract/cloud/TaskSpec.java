package org.edgeslice.contract.cloud;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One task to offload: a oneM2M resource subtree of the cloud IN-CSE and how it stays synchronised. */
@Schema(name = "TaskSpec", description = "A task to offload")
public record TaskSpec(
        @Schema(required = true, maxLength = TaskSpec.MAX_PATH_LENGTH,
                description = "Structured address in the cloud IN-CSE, e.g. /in-cse/Cars/CarA")
        String path,
        @Schema(description = "Default SUBSCRIPTION") SyncMode syncMode) {

    /** The longest task path accepted: the CISS indexes tasks by path (PostgreSQL's B-tree entries are ~2.7 kB). */
    public static final int MAX_PATH_LENGTH = 512;
}
