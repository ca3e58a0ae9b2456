package org.edgeslice.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyTest {

    @TempDir
    Path root;

    private Layout builtLayout(String... services) throws IOException {
        for (String s : services) {
            Path war = root.resolve(s).resolve("target").resolve(s + ".war");
            Files.createDirectories(war.getParent());
            Files.writeString(war, "war");
        }
        return new Layout(root, root.resolve(".mec"));
    }

    @Test
    void allInOneDeploysEveryBuiltWarInOneProcess() throws IOException {
        Topology t = Topology.plan(true, 1, "/run/d.sock", 18080,
                builtLayout("meo", "mepm", "mec-platform", "cloud-platform"));
        assertEquals(1, t.procs().size());
        assertEquals(4, t.procs().get(0).services().size());
        assertEquals("http://127.0.0.1:18080/mepm", t.apiRootOf("mepm", "host-1"));
    }

    @Test
    void eachFurtherHostGetsItsOwnProcessEngineLocationAndPortRange() throws IOException {
        Topology t = Topology.plan(true, 3, "/run/edgeslice/docker.sock", 18080,
                builtLayout("meo", "mepm", "mec-platform"));
        assertEquals(3, t.procs().size());
        assertEquals("http://127.0.0.1:18100/mec-platform", t.apiRootOf("mec-platform", "host-3"));
        List<Topology.Host> hosts = t.hosts();
        assertNotEquals(hosts.get(0).dockerSocket(), hosts.get(1).dockerSocket());
        assertNotEquals(hosts.get(1).zone(), hosts.get(2).zone());
        Topology.Proc host2 = t.procs().get(1);
        assertEquals("41000-41499", host2.properties().get("mepm.ports.range"));
        assertEquals("http://127.0.0.1:18090/mec-platform", host2.properties().get("mepm.mep.url"));
        assertEquals(host2.properties().get("mepm.mm5.secret"), host2.properties().get("mep.mm5.secret"));
        assertTrue(host2.properties().get("mepm.db.url").startsWith("jdbc:h2:"));
    }

    @Test
    void withoutDockerTheHostsUseTheLocalProcessDriver() throws IOException {
        Topology t = Topology.plan(true, 1, null, 18080, builtLayout("mepm", "mec-platform"));
        Topology.Proc core = t.procs().get(0);
        // the value the MEPM knows (a misspelt one fell back to auto, which found the machine's engine)
        assertEquals("process", core.properties().get("mepm.driver"));
        assertNull(t.hosts().get(0).dockerEndpoint());
        assertNull(core.properties().get("mepm.docker.host"));
        assertEquals(core.properties().get("mepm.local.artifacts"), core.properties().get("cloud.local.artifacts"),
                "the ISSM lays slices out where the MEPM's process driver looks");

        Topology withDocker = Topology.plan(true, 1, "/run/x/docker.sock", 18080, builtLayout("mepm", "mec-platform"));
        assertEquals("docker", withDocker.procs().get(0).properties().get("mepm.driver"));
        assertNull(withDocker.procs().get(0).properties().get("cloud.local.artifacts"));
    }

    @Test
    void servicesWhoseWarIsNotBuiltAreLeftOut() throws IOException {
        Topology t = Topology.plan(false, 1, null, 18080, builtLayout("mec-platform"));
        assertEquals(1, t.procs().size());
        assertEquals("mec-platform", t.procs().get(0).name());
        assertNull(t.apiRootOf("meo", null));
    }

    @org.junit.jupiter.api.Test
    void systemsOnOtherBasePortsHandOutPortsFromBlocksOfTheirOwn() {
        java.util.Set<Integer> starts = new java.util.HashSet<>();
        for (int base : new int[] {18080, 24080, 25080, 26080, 27080, 28080, 29080}) {
            for (int host = 1; host <= 4; host++) {
                int start = Topology.portRangeStart(base, host);
                assertTrue(start >= 40000 && start + Topology.PORTS_PER_HOST <= 65535, base + "/" + host + ": " + start);
                for (int other : starts) {
                    assertTrue(Math.abs(other - start) >= Topology.PORTS_PER_HOST, base + "/" + host + " overlaps " + other);
                }
                starts.add(start);
            }
        }
    }
}
