package org.edgeslice.meo.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The package file of an application package. */
@Entity
@Table(name = "meo_package_content")
public class PackageContentEntity {

    @Id
    @Column(name = "app_pkg_id")
    String appPkgId;

    @Column(name = "content")
    byte[] content;
}
