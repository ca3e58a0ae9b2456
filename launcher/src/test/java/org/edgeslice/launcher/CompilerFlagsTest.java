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

    @Test
    void everyPayaraProcessIsC1OnlyByDefault() {
        assertEquals(List.of("-XX:TieredStopAtLevel=1"), Mec.compilerFlags(proc("meo", "cloud-platform"), null));
        assertEquals(List.of("-XX:TieredStopAtLevel=1"), Mec.compilerFlags(proc("mepm"), "c2"));
    }

    @Test
    void theProcessHostingTheCloudPlatformGetsC2WhenAskedFor() {
        assertEquals(List.of(), Mec.compilerFlags(proc("meo", "cloud-platform"), "c2"));
        assertEquals(List.of(), Mec.compilerFlags(proc("cloud-platform"), "C2"));
        assertEquals(List.of("-XX:TieredStopAtLevel=1"), Mec.compilerFlags(proc("cloud-platform"), "c1"));
    }
}
