package org.edgeslice.cloud.issm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An application package the ISSM wrote (issm_package); served to the MEO at its appPkgPath. */
@Entity
@Table(name = "issm_package")
public class PackageEntity {
    @Id
    @Column(name = "name")
    String name;
    @Column(name = "functions", nullable = false)
    String functions;
    @Column(name = "image", nullable = false)
    String image;
    @Column(name = "app_d_id", nullable = false)
    String appDId;
    @Column(name = "app_pkg_id")
    String appPkgId;
    @Column(name = "zip_base64", nullable = false, length = 1000000)
    String zipBase64;
    @Column(name = "sha256", nullable = false)
    String sha256;
    @Column(name = "created_at", nullable = false)
    long createdAt;

    public String name() {
        return name;
    }

    public String appDId() {
        return appDId;
    }

    public String appPkgId() {
        return appPkgId;
    }

    public String image() {
        return image;
    }

    public String functions() {
        return functions;
    }

    public String sha256() {
        return sha256;
    }

    public byte[] zip() {
        return java.util.Base64.getDecoder().decode(zipBase64);
    }
}
