package org.edgeslice.mepm.pkg;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An AppD the MEPM fetched from the MEO and keeps for its instances ({@code mepm_app_package}). */
@Entity
@Table(name = "mepm_app_package")
public class AppPackageEntity {

    @Id
    @Column(name = "app_d_id")
    public String appDId;
    @Column(name = "appd_json", nullable = false)
    public String appdJson;
    @Column(name = "fetched_at", nullable = false)
    public long fetchedAt;
}
