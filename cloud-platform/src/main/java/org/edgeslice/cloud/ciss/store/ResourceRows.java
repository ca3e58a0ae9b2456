package org.edgeslice.cloud.ciss.store;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * The JPA work of the resource store, shared by the server's JTA log and the tests' resource-local one.
 *
 * <p>A group commit carries many requests' changes; they are first netted per resource (a content instance
 * created and evicted in the same group is never written; a container updated a hundred times is written once),
 * then written as three JDBC batches on the transaction's connection: deletes, inserts and attribute updates.
 * Reading goes through the {@link ResourceRow} entity. The order between different resources does not matter: the table has no foreign keys and
 * the creation order is the {@code seq} column.
 */
public final class ResourceRows {

    private ResourceRows() {
    }

    public static List<ResourceRow> loadAll(EntityManager em) {
        return em.createQuery("select r from ResourceRow r order by r.seq", ResourceRow.class).getResultList();
    }

    /** The net effect on one resource of a sequence of changes. */
    private static final class Net {
        boolean deleteFirst;
        DurableLog.RowChange insert;
        DurableLog.RowChange update;
    }

    public static void apply(EntityManager em, List<DurableLog.RowChange> changes) {
        apply(em, changes, true);
    }

    /**
     * @param synchronousCommit false: on PostgreSQL, {@code SET LOCAL synchronous_commit TO OFF} for this transaction
     *                          (the commit survives a crash of the cloud platform, not of PostgreSQL or the machine
     *                          within about 3 x wal_writer_delay); ignored on other databases
     */
    public static void apply(EntityManager em, List<DurableLog.RowChange> changes, boolean synchronousCommit) {
        Session session0 = em.unwrap(Session.class);
        if (!synchronousCommit) {
            session0.doWork(con -> {
                if (con.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                    try (var st = con.createStatement()) {
                        st.execute("SET LOCAL synchronous_commit TO OFF");
                    }
                }
            });
        }
        Map<String, Net> net = new LinkedHashMap<>();
        for (DurableLog.RowChange c : changes) {
            String ri = c.ri();
            Net n = net.computeIfAbsent(ri, k -> new Net());
            switch (c.kind()) {
                case INSERT -> {
                    if (n.insert != null || n.update != null) {
                        n.deleteFirst = true; // re-created under the same id: replace the row
                    }
                    n.insert = c;
                    n.update = null;
                }
                case UPDATE -> {
                    if (n.insert != null) {
                        n.insert = DurableLog.RowChange.insert(n.insert.ri(), n.insert.ty(), n.insert.seq(),
                                n.insert.path(), c.attrs());
                    } else {
                        n.update = c;
                    }
                }
                case DELETE -> {
                    if (n.insert == null || n.deleteFirst) {
                        n.deleteFirst = true;
                    } else {
                        // created and deleted inside this group: the row never existed in the database
                        net.remove(ri);
                        continue;
                    }
                    n.insert = null;
                    n.update = null;
                }
                default -> throw new IllegalStateException();
            }
        }
        List<String> deletes = new ArrayList<>();
        List<ResourceRow> updates = new ArrayList<>();
        List<ResourceRow> inserts = new ArrayList<>();
        net.forEach((ri, n) -> {
            if (n.deleteFirst) {
                deletes.add(ri);
            }
            if (n.insert != null) {
                inserts.add(n.insert.row());
            }
            if (n.update != null) {
                updates.add(n.update.row());
            }
        });
        Session session = em.unwrap(Session.class);
        if (!deletes.isEmpty()) {
            session.doWork(con -> {
                try (PreparedStatement ps = con.prepareStatement("DELETE FROM cse_resource WHERE ri = ?")) {
                    for (String ri : deletes) {
                        ps.setString(1, ri);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
        }
        if (!inserts.isEmpty()) {
            // plain JDBC batch on the session's connection: measured ~1.5x the rate of em.persist per row, which
            // pays for an entity entry and a snapshot of each row it will never see again
            session.doWork(con -> {
                try (PreparedStatement ps = con.prepareStatement(
                        "INSERT INTO cse_resource (ri, ty, seq, path, attrs) VALUES (?, ?, ?, ?, ?)")) {
                    for (ResourceRow r : inserts) {
                        ps.setString(1, r.ri());
                        ps.setInt(2, r.ty());
                        ps.setLong(3, r.seq());
                        ps.setString(4, r.path());
                        ps.setString(5, r.attrs());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
        }
        if (!updates.isEmpty()) {
            session.doWork(con -> {
                try (PreparedStatement ps = con.prepareStatement("UPDATE cse_resource SET attrs = ? WHERE ri = ?")) {
                    for (ResourceRow r : updates) {
                        ps.setString(1, r.attrs());
                        ps.setString(2, r.ri());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
        }
        em.clear();
    }
}
