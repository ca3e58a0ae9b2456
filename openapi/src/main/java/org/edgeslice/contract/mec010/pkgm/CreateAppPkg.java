package org.edgeslice.contract.mec010.pkgm;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 clause 6.2.3.2 {@code CreateAppPkg}: the body of POST app_packages. */
@Schema(name = "CreateAppPkg", description = "Request to create (and onboard) an application package")
public record CreateAppPkg(
        @Schema(required = true) String appPkgName,
        @Schema(required = true) String appPkgVersion,
        @Schema(description = "Provider of the package") String appProvider,
        @Schema(required = true, description = "Checksum of the package file") Checksum checksum,
        @Schema(description = "Where the package file is: file URI/path or loopback http(s) URL; "
                + "absent when the content will be uploaded with PUT package_content") String appPkgPath,
        @Schema(description = "User defined data") Map<String, Object> userDefinedData) {
}
