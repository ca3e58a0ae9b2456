package org.edgeslice.meo.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.edgeslice.contract.mec010.pkgm.AppPkgSubscriptionInfo;
import org.edgeslice.meo.pkgm.AppPackage;
import org.edgeslice.meo.pkgm.PackageRepository;

/** Application packages, their files and package subscriptions in the MEO database. */
@ApplicationScoped
@Transactional
public class JpaPackageRepository implements PackageRepository {

    @Inject
    DocumentStore documents;

    @PersistenceContext(unitName = "meo")
    EntityManager em;

    @Override
    public Optional<AppPackage> find(String id) {
        return documents.find("pkg", id, AppPackage.class);
    }

    @Override
    public List<AppPackage> all() {
        return documents.all("pkg", AppPackage.class);
    }

    @Override
    public void save(AppPackage appPackage) {
        documents.put("pkg", appPackage.id(), appPackage);
    }

    @Override
    public void delete(String id) {
        documents.remove("pkg", id);
        PackageContentEntity c = em.find(PackageContentEntity.class, id);
        if (c != null) {
            em.remove(c);
        }
    }

    @Override
    public Optional<byte[]> content(String id) {
        return Optional.ofNullable(em.find(PackageContentEntity.class, id)).map(c -> c.content);
    }

    @Override
    public void saveContent(String id, byte[] zip) {
        PackageContentEntity c = em.find(PackageContentEntity.class, id);
        if (c == null) {
            c = new PackageContentEntity();
            c.appPkgId = id;
            c.content = zip;
            em.persist(c);
        } else {
            c.content = zip;
        }
    }

    @Override
    public List<AppPkgSubscriptionInfo> subscriptions() {
        return documents.all("pkgsub", AppPkgSubscriptionInfo.class);
    }

    @Override
    public Optional<AppPkgSubscriptionInfo> subscription(String id) {
        return documents.find("pkgsub", id, AppPkgSubscriptionInfo.class);
    }

    @Override
    public void save(AppPkgSubscriptionInfo subscription) {
        documents.put("pkgsub", subscription.id(), subscription);
    }

    @Override
    public boolean deleteSubscription(String id) {
        return documents.remove("pkgsub", id);
    }
}
