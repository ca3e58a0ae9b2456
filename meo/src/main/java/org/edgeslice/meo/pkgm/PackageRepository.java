package org.edgeslice.meo.pkgm;

import java.util.List;
import java.util.Optional;
import org.edgeslice.contract.mec010.pkgm.AppPkgSubscriptionInfo;

/** Where application packages, their files and the package subscriptions are kept. */
public interface PackageRepository {

    Optional<AppPackage> find(String id);

    List<AppPackage> all();

    void save(AppPackage appPackage);

    void delete(String id);

    Optional<byte[]> content(String id);

    void saveContent(String id, byte[] zip);

    List<AppPkgSubscriptionInfo> subscriptions();

    Optional<AppPkgSubscriptionInfo> subscription(String id);

    void save(AppPkgSubscriptionInfo subscription);

    boolean deleteSubscription(String id);
}
