package org.edgeslice.mepm.pkg;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The AppDs held on this host. */
@Stateless
public class PackageRepository {

    @PersistenceContext(unitName = "mepm")
    EntityManager em;

    public Optional<AppPackageEntity> find(String appDId) {
        return Optional.ofNullable(em.find(AppPackageEntity.class, appDId));
    }

    public List<AppPackageEntity> findAll() {
        return em.createQuery("select p from AppPackageEntity p order by p.appDId", AppPackageEntity.class).getResultList();
    }

    public void save(String appDId, String json) {
        AppPackageEntity e = em.find(AppPackageEntity.class, appDId);
        if (e == null) {
            e = new AppPackageEntity();
            e.appDId = appDId;
            e.appdJson = json;
            e.fetchedAt = System.currentTimeMillis();
            em.persist(e);
        } else {
            e.appdJson = json;
            e.fetchedAt = System.currentTimeMillis();
        }
    }
}
