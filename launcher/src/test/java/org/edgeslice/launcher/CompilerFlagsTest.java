package org.edgeslice.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompilerFlagsTest {
    private static Topology.Proc proc(String... services) {
        return new Topology.Proc("p", 18080, java.util.Arrays.stream(services)
                .map(s -> new Topology.Service(s, "/" + s, "/" + s, null)).toList(), Map.of(), "256m");
    }

    private static final List<String> EARLY_C1 = List.of("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.1",
            "-XX:ReservedCodeCacheSize=256m");

    @Test
    void everyPayaraProcessIsC1OnlyCompilingEarlyByDefault() {
        assertEquals(EARLY_C1, Mec.compilerFlags(proc("meo", "cloud-platform"), null));
        assertEquals(EARLY_C1, Mec.compilerFlags(proc("mepm"), "c2"));
    }

    @Test
    void theProcessHostingTheCloudPlatformGetsC2WhenAskedFor() {
        assertEquals(List.of(), Mec.compilerFlags(proc("meo", "cloud-platform"), "c2"));
        assertEquals(List.of(), Mec.compilerFlags(proc("cloud-platform"), "C2"));
        assertEquals(EARLY_C1, Mec.compilerFlags(proc("cloud-platform"), "c1"));
    }
}
