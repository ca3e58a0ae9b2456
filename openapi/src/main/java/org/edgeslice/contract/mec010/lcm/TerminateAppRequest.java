package org.edgeslice.contract.mec010.lcm;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 clause 6.2.2.8 {@code TerminateAppRequest}; the timeout is in seconds. */
@Schema(name = "TerminateAppRequest")
public record TerminateAppRequest(@Schema(required = true) StopType terminationType,
                                  Integer gracefulTerminationTimeout) {
}
