package org.edgeslice.contract.mec010.lcm;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 clause 6.2.2.9 {@code OperateAppRequest}; the timeout is in seconds. */
@Schema(name = "OperateAppRequest")
public record OperateAppRequest(@Schema(required = true) OperationalState changeStateTo,
                                StopType stopType,
                                Integer gracefulStopTimeout) {
}
