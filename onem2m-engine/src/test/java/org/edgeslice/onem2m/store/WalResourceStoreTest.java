package org.edgeslice.onem2m.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.edgeslice.onem2m.Fixture;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.procedure.CseConfig;
import org.edgeslice.onem2m.procedure.CseEngine;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.store.wal.FsyncPolicy;
import org.edgeslice.onem2m.store.wal.WalResourceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalResourceStoreTest {
    @TempDir
    Path dir;

    private static Resource cnt(String ri, String pi, String path) {
        ObjectNode a = Json.object().put("ri", ri).put("pi", pi).put("rn", path.substring(path.lastIndexOf('/') + 1))
                .put("ty", 3).put("ct", "20260101T000000");
        return new Resource(ResourceType.CONTAINER, a, path);
    }

    @Test
    void acknowledgedWritesSurviveACrashWithoutClose() {
        WalResourceStore crashed = WalResourceStore.open(dir, FsyncPolicy.NEVER, 0);
        crashed.write(new WriteBatch().create(cnt("c1", "cb", "cse/a")));
        crashed.write(new WriteBatch().create(cnt("c2", "c1", "cse/a/b")));
        crashed.write(new WriteBatch().delete("c2").create(cnt("c3", "c1", "cse/a/c")));
        // no close(): the process "dies" here; a new store on the same directory replays the log
        WalResourceStore reopened = WalResourceStore.open(dir, FsyncPolicy.ALWAYS, 0);
        assertEquals(2, reopened.size());
        assertTrue(reopened.getByPath("cse/a/c").isPresent());
        assertFalse(reopened.get("c2").isPresent());
        assertEquals(1, reopened.children("c1").size());
        reopened.close();
    }

    @Test
    void tornTailIsDroppedAndEarlierRecordsKept() throws Exception {
        try (WalResourceStore s = WalResourceStore.open(dir, FsyncPolicy.ALWAYS, 0)) {
            s.write(new WriteBatch().create(cnt("c1", "cb", "cse/a")));
        }
        Path log = dir.resolve("resources.wal");
        Files.write(log, "0badc0de {\"half".getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);
        try (WalResourceStore s = WalResourceStore.open(dir, FsyncPolicy.ALWAYS, 0)) {
            assertEquals(1, s.size());
            s.write(new WriteBatch().create(cnt("c2", "cb", "cse/b")));
        }
        try (WalResourceStore s = WalResourceStore.open(dir, FsyncPolicy.ALWAYS, 0)) {
            assertEquals(2, s.size());
        }
    }

    @Test
    void corruptedRecordStopsReplayAtTheDamage() throws Exception {
        try (WalResourceStore s = WalResourceStore.open(dir, FsyncPolicy.ALWAYS, 0)) {
            s.write(new WriteBatch().create(cnt("c1", "cb", "cse/a")));
            s.write(new WriteBatch().create(cnt("c2", "cb", "cse/b")));
        }
        Path log = dir.resolve("resources.wal");
        byte[] data = Files.readAllBytes(log);
        int secondLine = new String(data, StandardCharsets.US_ASCII).indexOf('\n') + 1;
        data[secondLine + 20] ^= 0x01; // flip a bit inside the second record's JSON
        Files.write(log, data);
        try (WalResourceStore s = WalResourceStore.open(dir, FsyncPolicy.ALWAYS, 0)) {
            assertEquals(1, s.size());
        }
    }

    @Test
    void compactionKeepsLiveResourcesAndOrder() {
        try (WalResourceStore s = WalResourceStore.open(dir, FsyncPolicy.INTERVAL, 50)) {
            s.write(new WriteBatch().create(cnt("p", "cb", "cse/p")));
            for (int i = 0; i < 100; i++) {
                s.write(new WriteBatch().create(cnt("c" + i, "p", "cse/p/c" + i)));
                if (i % 2 == 0) {
                    s.write(new WriteBatch().delete("c" + i));
                }
            }
            s.compactNow();
            assertEquals(51, s.logRecords());
        }
        try (WalResourceStore s = WalResourceStore.open(dir, FsyncPolicy.NEVER, 0)) {
            assertEquals(51, s.size());
            assertEquals("c1", s.oldestChild("p", ResourceType.CONTAINER).orElseThrow().ri());
            assertEquals("c99", s.latestChild("p", ResourceType.CONTAINER).orElseThrow().ri());
        }
    }

    @Test
    void engineOnWalKeepsAeAndInstancesAcrossRestart() {
        CseConfig cfg = CseConfig.defaults(Fixture.CSI, Fixture.CSE);
        WalResourceStore first = WalResourceStore.open(dir, FsyncPolicy.NEVER, 0);
        CseEngine e1 = new CseEngine(cfg, first, new Fixture.RecordingSender());
        e1.handle(Request.create(Fixture.CSE, "Cdev", 2,
                Fixture.body("m2m:ae", "{\"rn\":\"dev\",\"api\":\"Na.b.c\",\"rr\":true,\"srv\":[\"3\"]}")));
        e1.handle(Request.create(Fixture.CSE + "/dev", "Cdev", 3, Fixture.body("m2m:cnt", "{\"rn\":\"t\",\"mni\":2}")));
        for (int i = 0; i < 3; i++) {
            e1.handle(Request.create(Fixture.CSE + "/dev/t", "Cdev", 4, Fixture.body("m2m:cin", "{\"con\":\"v" + i + "\"}")));
        }
        // crash: neither engine nor store closed
        WalResourceStore second = WalResourceStore.open(dir, FsyncPolicy.NEVER, 0);
        CseEngine e2 = new CseEngine(cfg, second, new Fixture.RecordingSender());
        var la = e2.handle(Request.retrieve(Fixture.CSE + "/dev/t/la", "Cdev"));
        Fixture.assertRsc(ResponseStatusCode.OK, la);
        assertEquals("v2", la.content().get("m2m:cin").get("con").asText());
        assertEquals("v1", e2.handle(Request.retrieve(Fixture.CSE + "/dev/t/ol", "Cdev")).content()
                .get("m2m:cin").get("con").asText());
        assertEquals(2, e2.handle(Request.retrieve(Fixture.CSE + "/dev/t", "Cdev")).content()
                .get("m2m:cnt").get("cni").asInt());
        e2.close();
        second.close();
    }

    @Test
    void updatesAreLoggedAsPatchesAndReplayToTheSameState() throws Exception {
        WalResourceStore crashed = WalResourceStore.open(dir, FsyncPolicy.NEVER, 0);
        Resource c = cnt("c1", "cb", "cse/a");
        c.attrs().put("cni", 0).putArray("lbl").add("x");
        crashed.write(new WriteBatch().create(c));
        Resource counted = c.copy();
        counted.attrs().put("cni", 1);
        counted.attrs().remove("lbl");
        crashed.write(new WriteBatch().update(counted));
        Resource again = counted.copy();
        again.attrs().put("cni", 2).put("st", 7);
        crashed.write(new WriteBatch().update(again));
        String log = Files.readString(dir.resolve("resources.wal"));
        String last = log.strip().substring(log.strip().lastIndexOf('\n') + 1);
        assertTrue(last.contains("\"k\":\"P\"") && !last.contains("\"rn\""), "only what changed is logged: " + last);
        // no close(): replay rebuilds the resource from the create and the two patches
        WalResourceStore reopened = WalResourceStore.open(dir, FsyncPolicy.ALWAYS, 0);
        assertEquals(again.attrs(), reopened.get("c1").orElseThrow().attrs());
        reopened.close();
    }
}
