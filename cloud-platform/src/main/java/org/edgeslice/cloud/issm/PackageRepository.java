package org.edgeslice.cloud.issm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The ISSM's packages in the cloud database. */
@ApplicationScoped
@Transactional
public class PackageRepository {

    @PersistenceContext(unitName = "cloud")
    EntityManager em;

    public Optional<PackageEntity> find(String name) {
        return Optional.ofNullable(em.find(PackageEntity.class, name));
    }

    public List<PackageEntity> all() {
        return em.createQuery("select p from PackageEntity p order by p.createdAt", PackageEntity.class).getResultList();
    }

    public void save(AppPackageWriter.Package p, String functions, String image) {
        if (em.find(PackageEntity.class, p.name()) != null) {
            return;
        }
        PackageEntity e = new PackageEntity();
        e.name = p.name();
        e.functions = functions;
        e.image = image;
        e.appDId = p.appD().appDId();
        e.zipBase64 = Base64.getEncoder().encodeToString(p.zip());
        e.sha256 = p.sha256();
        e.createdAt = System.currentTimeMillis();
        em.persist(e);
    }

    public void onboarded(String name, String appPkgId) {
        PackageEntity e = em.find(PackageEntity.class, name);
        if (e != null) {
            e.appPkgId = appPkgId;
        }
    }
}
