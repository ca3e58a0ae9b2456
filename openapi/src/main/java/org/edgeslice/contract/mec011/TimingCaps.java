package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.edgeslice.contract.common.TimeStamp;

/** ETSI GS MEC 011 {@code TimingCaps} (clause 7.1.2.4). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "TimingCaps")
public record TimingCaps(TimeStamp timeStamp, List<Map<String, Object>> ntpServers, List<Map<String, Object>> ptpMasters) {
}
