package org.edgeslice.cloud.ciss;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.List;
import java.util.Map;
import org.edgeslice.cloud.ciss.store.DurableLog;
import org.edgeslice.cloud.ciss.store.ResourceRow;
import org.edgeslice.cloud.ciss.store.ResourceRows;
import org.edgeslice.support.persistence.ConfiguredDataSource;
import org.edgeslice.support.persistence.SchemaMigrations;

/** The store's JPA code (ResourceRows) in Java SE: Hibernate with resource-local transactions, Flyway schema. */
final class LocalDurableLog implements DurableLog, AutoCloseable {

    private final EntityManagerFactory emf;
    final ConfiguredDataSource dataSource;

    LocalDurableLog(String url, String user, String password) {
        dataSource = new ConfiguredDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        SchemaMigrations.migrate(dataSource, "cloud", getClass().getClassLoader());
        emf = Persistence.createEntityManagerFactory("cloud-test", Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", password));
    }

    @Override
    public List<ResourceRow> loadAll() {
        EntityManager em = emf.createEntityManager();
        try {
            return ResourceRows.loadAll(em);
        } finally {
            em.close();
        }
    }

    @Override
    public void commit(List<RowChange> changes) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            ResourceRows.apply(em, changes);
            em.getTransaction().commit();
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    long rows() {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("select count(r) from ResourceRow r", Long.class).getSingleResult();
        } finally {
            em.close();
        }
    }

    @Override
    public void close() {
        emf.close();
    }
}
