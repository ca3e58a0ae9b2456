package org.edgeslice.meo.lcm;

import java.util.Optional;
import org.edgeslice.meo.pkgm.AppPackage;

/** What lifecycle management needs from package management. */
public interface PackageCatalog {

    Optional<AppPackage> onboarded(String appDId);

    Optional<AppPackage> byId(String appPkgId);

    void setUsage(String appPkgId, boolean inUse);
}
