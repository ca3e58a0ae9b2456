package org.edgeslice.contract.mec010.pkgm;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 {@code AppPkgFilter} (unspecified in the v2.1.1 file; modelled on the v3.x attributes):
 * a notification matches when every present attribute equals the package's.
 */
@Schema(name = "AppPkgFilter")
public record AppPkgFilter(String appPkgId, String appDId, String appProvider, String appName,
                           String appSoftwareVersion, String appDVersion, AppPkgOperationalState operationalState) {
}
