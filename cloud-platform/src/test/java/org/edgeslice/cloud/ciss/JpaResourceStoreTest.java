package org.edgeslice.cloud.ciss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.edgeslice.cloud.ciss.store.JpaResourceStore;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.function.FunctionSet;
import org.edgeslice.onem2m.notification.NotificationSender;
import org.edgeslice.onem2m.procedure.CseConfig;
import org.edgeslice.onem2m.procedure.CseEngine;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared oneM2M engine over the CISS's JPA store (Hibernate in Java SE on H2 files, and on PostgreSQL when one
 * answers on 127.0.0.1 with the edgeslice account): durability across restarts, the container rules that depend on
 * creation order, group commit, and the durable create rate.
 */
class JpaResourceStoreTest {

    private static final ThreadFactory THREADS = Thread::new;
    private static final NotificationSender NO_NOTIFICATIONS = (t, o, r, b) ->
            new NotificationSender.DeliveryResult(true, 2000, "test");

    @TempDir
    Path dir;

    private static CseConfig config() {
        return new CseConfig("/id-in", "in-cse", 1, "CAdmin", FunctionSet.all(), List.of("2a", "3", "4", "5"),
                List.of(), Duration.ofDays(365), 0);
    }

    private String h2(String name) {
        return "jdbc:h2:" + dir.resolve(name).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private static ObjectNode body(String root, String json) {
        ObjectNode o = Json.object();
        o.set(root, Json.parse(json.getBytes()));
        return o;
    }

    /** Waits until every acknowledged write is committed, then closes the engine and its store. */
    private static void closeDurably(CseEngine engine, JpaResourceStore store) {
        store.awaitDurable();
        engine.close();
        store.close();
    }

    private static Response create(CseEngine e, String to, String from, int ty, ObjectNode body) {
        return e.handle(Request.create(to, from, ty, body));
    }

    @Test
    void resourcesAndContainerRulesSurviveARestart() {
        String url = h2("restart");
        try (LocalDurableLog log = new LocalDurableLog(url, "sa", "sa")) {
            JpaResourceStore store = new JpaResourceStore(log, JpaResourceStore.Commit.GROUP, THREADS);
            CseEngine engine = new CseEngine(config(), store, NO_NOTIFICATIONS);
            assertEquals(ResponseStatusCode.CREATED, create(engine, "in-cse", "CCars", 2,
                    body("m2m:ae", "{\"rn\":\"Cars\",\"api\":\"Ncars.app.one\",\"rr\":false,\"srv\":[\"3\"]}")).rsc());
            assertEquals(ResponseStatusCode.CREATED, create(engine, "in-cse/Cars", "CCars", 3,
                    body("m2m:cnt", "{\"rn\":\"CarA\",\"mni\":3}")).rsc());
            for (int i = 1; i <= 5; i++) {
                assertEquals(ResponseStatusCode.CREATED, create(engine, "in-cse/Cars/CarA", "CCars", 4,
                        body("m2m:cin", "{\"rn\":\"v" + i + "\",\"con\":\"" + i + "\"}")).rsc());
            }
            closeDurably(engine, store);
        }
        try (LocalDurableLog log = new LocalDurableLog(url, "sa", "sa")) {
            JpaResourceStore store = new JpaResourceStore(log, JpaResourceStore.Commit.GROUP, THREADS);
            CseEngine engine = new CseEngine(config(), store, NO_NOTIFICATIONS);
            Response la = engine.handle(Request.retrieve("in-cse/Cars/CarA/la", "CCars"));
            assertEquals(ResponseStatusCode.OK, la.rsc(), String.valueOf(la.content()));
            assertEquals("5", la.content().path("m2m:cin").path("con").asText());
            Response ol = engine.handle(Request.retrieve("in-cse/Cars/CarA/ol", "CCars"));
            assertEquals("3", ol.content().path("m2m:cin").path("con").asText(), "v1 and v2 were evicted (mni 3)");
            JsonNode cnt = engine.handle(Request.retrieve("in-cse/Cars/CarA", "CCars")).content().path("m2m:cnt");
            assertEquals(3, cnt.path("cni").asInt());
            assertEquals(ResponseStatusCode.NOT_FOUND, engine.handle(Request.retrieve("in-cse/Cars/CarA/v1", "CCars")).rsc());
            assertEquals(ResponseStatusCode.CONFLICT, create(engine, "in-cse/Cars/CarA", "CCars", 4,
                    body("m2m:cin", "{\"rn\":\"v5\",\"con\":\"again\"}")).rsc());
            assertEquals(ResponseStatusCode.CREATED, create(engine, "in-cse/Cars/CarA", "CCars", 4,
                    body("m2m:cin", "{\"rn\":\"v6\",\"con\":\"6\"}")).rsc(), "creation order continues after the restart");
            assertEquals("6", engine.handle(Request.retrieve("in-cse/Cars/CarA/la", "CCars")).content()
                    .path("m2m:cin").path("con").asText());
            store.awaitDurable();
            assertEquals(1 + 1 + 1 + 3, log.rows(), "CSEBase, AE, container and three instances in the table");
            engine.close();
            store.close();
        }
    }

    /** The engine's group member index is rebuilt from the database when the CISS starts again. */
    @Test
    void groupMembersSurviveARestartAndLeaveWhenDeleted() {
        String url = h2("groups");
        String a;
        try (LocalDurableLog log = new LocalDurableLog(url, "sa", "sa")) {
            JpaResourceStore store = new JpaResourceStore(log, JpaResourceStore.Commit.GROUP, THREADS);
            CseEngine engine = new CseEngine(config(), store, NO_NOTIFICATIONS);
            create(engine, "in-cse", "CFleet", 2,
                    body("m2m:ae", "{\"rn\":\"Fleet\",\"api\":\"Nfleet.app\",\"rr\":false,\"srv\":[\"3\"]}"));
            a = create(engine, "in-cse/Fleet", "CFleet", 3, body("m2m:cnt", "{\"rn\":\"a\"}")).content()
                    .path("m2m:cnt").path("ri").asText();
            create(engine, "in-cse/Fleet", "CFleet", 3, body("m2m:cnt", "{\"rn\":\"b\"}"));
            Response g = create(engine, "in-cse/Fleet", "CFleet", 9, body("m2m:grp",
                    "{\"rn\":\"all\",\"mt\":3,\"mnm\":5,\"mid\":[\"" + a + "\",\"in-cse/Fleet/b\"]}"));
            assertEquals(ResponseStatusCode.CREATED, g.rsc(), String.valueOf(g.content()));
            closeDurably(engine, store);
        }
        try (LocalDurableLog log = new LocalDurableLog(url, "sa", "sa")) {
            JpaResourceStore store = new JpaResourceStore(log, JpaResourceStore.Commit.GROUP, THREADS);
            CseEngine engine = new CseEngine(config(), store, NO_NOTIFICATIONS);
            Response fanOut = create(engine, "in-cse/Fleet/all/fopt", "CFleet", 4, body("m2m:cin", "{\"con\":\"x\"}"));
            assertEquals(ResponseStatusCode.OK, fanOut.rsc());
            assertEquals(2, fanOut.content().path("m2m:agr").path("m2m:rsp").size(), String.valueOf(fanOut.content()));
            assertEquals(ResponseStatusCode.DELETED, engine.handle(Request.delete(a, "CFleet")).rsc());
            JsonNode grp = engine.handle(Request.retrieve("in-cse/Fleet/all", "CFleet")).content().path("m2m:grp");
            assertEquals(1, grp.path("cnm").asInt(), "the deleted container left the group: " + grp);
            closeDurably(engine, store);
        }
    }

    @Test
    void aGroupIsNettedToTheFinalStateOfEachResource() {
        try (LocalDurableLog log = new LocalDurableLog(h2("net"), "sa", "sa")) {
            log.commit(List.of(ins("d", "{\"v\":0}", 1), ins("e", "{\"v\":0}", 2)));
            log.commit(List.of(
                    ins("a", "{\"v\":1}", 3), upd("a", "{\"v\":2}"),            // created then updated: one insert
                    ins("b", "{\"v\":1}", 4), del("b"),                          // created then deleted: nothing
                    upd("d", "{\"v\":1}"), upd("d", "{\"v\":2}"),              // updated twice: last wins
                    del("e"), ins("e", "{\"v\":9}", 5),                          // deleted then re-created
                    del("zz")));                                                // deleting a missing row is fine
            java.util.Map<String, String> rows = new java.util.TreeMap<>();
            log.loadAll().forEach(r -> rows.put(r.ri(), r.attrs()));
            assertEquals(java.util.Map.of("a", "{\"v\":2}", "d", "{\"v\":2}", "e", "{\"v\":9}"), rows);
        }
    }

    private static org.edgeslice.cloud.ciss.store.DurableLog.RowChange ins(String ri, String attrs, long seq) {
        return org.edgeslice.cloud.ciss.store.DurableLog.RowChange.insert(ri, 3, seq, "in-cse/" + ri, () -> attrs);
    }

    private static org.edgeslice.cloud.ciss.store.DurableLog.RowChange upd(String ri, String attrs) {
        return org.edgeslice.cloud.ciss.store.DurableLog.RowChange.update(ri, 3, "in-cse/" + ri, () -> attrs);
    }

    private static org.edgeslice.cloud.ciss.store.DurableLog.RowChange del(String ri) {
        return org.edgeslice.cloud.ciss.store.DurableLog.RowChange.delete(ri);
    }

    @Test
    void syncPolicyHasCommittedWhenTheEngineAnswers() {
        try (LocalDurableLog log = new LocalDurableLog(h2("sync"), "sa", "sa")) {
            JpaResourceStore store = new JpaResourceStore(log, JpaResourceStore.Commit.SYNC, THREADS);
            CseEngine engine = new CseEngine(config(), store, NO_NOTIFICATIONS);
            long before = log.rows();
            create(engine, "in-cse", "CSync", 2, body("m2m:ae", "{\"rn\":\"S\",\"api\":\"Ns.app.one\",\"rr\":false,\"srv\":[\"3\"]}"));
            assertEquals(before + 1, log.rows(), "no awaitDurable needed under SYNC");
            engine.close();
            store.close();
        }
    }

    @Test
    void groupCommitSharesTransactionsAndAcknowledgesOnlyCommittedWrites() throws Exception {
        try (LocalDurableLog log = new LocalDurableLog(h2("group"), "sa", "sa")) {
            JpaResourceStore store = new JpaResourceStore(log, JpaResourceStore.Commit.GROUP, THREADS);
            CseEngine engine = new CseEngine(config(), store, NO_NOTIFICATIONS);
            Result r = load(engine, store, log, 16, 150);
            assertEquals(16 * 150, r.created());
            assertTrue(store.commits() < store.committedBatches(), "batches were grouped: " + store.commits()
                    + " commits for " + store.committedBatches() + " batches");
            engine.close();
            store.close();
        }
    }

    /**
     * The figure for the report: durable content instance creates per second through the engine (no HTTP), 16
     * concurrent writers, on an H2 file database and, when reachable, on PostgreSQL.
     */
    @Test
    void durableCreateRate() throws Exception {
        List<String> lines = new ArrayList<>();
        try (LocalDurableLog log = new LocalDurableLog(h2("rate"), "sa", "sa")) {
            lines.add(rate("H2 file", log, JpaResourceStore.Commit.GROUP));
        }
        String pg = System.getProperty("cloud.test.pgUrl", "jdbc:postgresql://127.0.0.1:5432/edgeslice");
        // a schema of its own, dropped afterwards: the database may be the one a running system uses
        String schema = "cloud_store_test_" + Long.toString(System.nanoTime(), 36);
        if (sql(pg, "CREATE SCHEMA " + schema)) {
            try (LocalDurableLog log = new LocalDurableLog(pg + "?currentSchema=" + schema, "edgeslice", "edgeslice")) {
                lines.add(rate("PostgreSQL", log, JpaResourceStore.Commit.GROUP));
                lines.add(rate("PostgreSQL", log, JpaResourceStore.Commit.SYNC));
            } finally {
                sql(pg, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
        System.out.println("CISS durable creates (engine + JPA store, 16 writers):\n  " + String.join("\n  ", lines));
    }

    private String rate(String db, LocalDurableLog log, JpaResourceStore.Commit policy) throws Exception {
        JpaResourceStore store = new JpaResourceStore(log, policy, THREADS);
        CseEngine engine = new CseEngine(config(), store, NO_NOTIFICATIONS);
        load(engine, store, log, 16, 50); // warm-up
        Result r = load(engine, store, log, 16, policy == JpaResourceStore.Commit.SYNC ? 100 : 400);
        engine.close();
        store.close();
        double perSecond = r.created() * 1000.0 / r.millis();
        assertTrue(perSecond > 20, db + " " + policy + ": only " + perSecond + " creates/s");
        return String.format(Locale.ROOT, "%-10s %-5s %6d creates in %5d ms = %7.0f creates/s", db, policy,
                r.created(), r.millis(), perSecond);
    }

    private record Result(int created, long millis) {
    }

    private static Result load(CseEngine engine, JpaResourceStore store, LocalDurableLog log, int writers, int each)
            throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        assertEquals(ResponseStatusCode.CREATED, create(engine, "in-cse", "C" + run, 2,
                body("m2m:ae", "{\"rn\":\"L" + run + "\",\"api\":\"Nload.app.one\",\"rr\":false,\"srv\":[\"3\"]}")).rsc());
        for (int w = 0; w < writers; w++) {
            create(engine, "in-cse/L" + run, "C" + run, 3, body("m2m:cnt", "{\"rn\":\"c" + w + "\",\"mni\":100}"));
        }
        store.awaitDurable();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long t0 = System.nanoTime();
        List<Future<Integer>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String to = "in-cse/L" + run + "/c" + w;
            Callable<Integer> job = () -> {
                int ok = 0;
                for (int i = 0; i < each; i++) {
                    Response r = create(engine, to, "C" + run, 4, body("m2m:cin", "{\"con\":\"" + i + "\"}"));
                    store.awaitDurable();
                    if (r.rsc() == ResponseStatusCode.CREATED) {
                        ok++;
                    }
                }
                return ok;
            };
            results.add(pool.submit(job));
        }
        int created = 0;
        for (Future<Integer> f : results) {
            created += f.get();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        pool.shutdown();
        return new Result(created, Math.max(1, ms));
    }

    private static boolean sql(String url, String statement) {
        try (Connection c = DriverManager.getConnection(url, "edgeslice", "edgeslice")) {
            c.createStatement().execute(statement);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
