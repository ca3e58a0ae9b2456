package org.edgeslice.contract.cloud;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A line of a request's log. */
@Schema(name = "LogEntry")
public record LogEntry(@Schema(required = true) String at, @Schema(required = true) String level,
                       @Schema(required = true) String message) {
}
