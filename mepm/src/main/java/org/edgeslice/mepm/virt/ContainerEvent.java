package org.edgeslice.mepm.virt;

import java.util.Map;

/** Something the engine reports about a container: it started, died (exit code), was OOM-killed or destroyed. */
public record ContainerEvent(String containerId, Kind kind, Map<String, String> labels, Integer exitCode, long atMillis) {

    public enum Kind { START, DIE, OOM, DESTROY }
}
