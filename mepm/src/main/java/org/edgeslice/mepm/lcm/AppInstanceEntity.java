package org.edgeslice.mepm.lcm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.edgeslice.contract.mec010.lcm.InstantiationState;
import org.edgeslice.contract.mec010.lcm.OperationalState;

/** An app instance on this host, as stored in {@code mepm_app_instance}. */
@Entity
@Table(name = "mepm_app_instance")
public class AppInstanceEntity {

    @Id
    public String id;
    @Column(name = "app_d_id", nullable = false)
    public String appDId;
    @Column(name = "app_pkg_id", nullable = false)
    public String appPkgId;
    @Column(name = "app_name", nullable = false)
    public String appName;
    @Column(name = "app_provider", nullable = false)
    public String appProvider;
    @Column(name = "app_soft_version", nullable = false)
    public String appSoftVersion;
    @Column(name = "app_d_version", nullable = false)
    public String appDVersion;
    @Column(name = "instance_name")
    public String instanceName;
    @Column(name = "instance_description")
    public String instanceDescription;
    @Enumerated(EnumType.STRING)
    @Column(name = "instantiation_state", nullable = false)
    public InstantiationState instantiationState;
    @Enumerated(EnumType.STRING)
    @Column(name = "operational_state")
    public OperationalState operationalState;
    @Column(name = "container_id")
    public String containerId;
    /** The app's data directory on the host; null: the default, {@code mepm.data.dir}/{id}. */
    @Column(name = "data_dir")
    public String dataDir;
    /** {@code name=port,...} as handed to the app in MEC_PORTS. */
    @Column(name = "ports")
    public String ports;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "client_secret")
    public String clientSecret;
    /** Why the container last stopped without being asked to (exit code, OOM), for the API and the logs. */
    @Column(name = "last_exit")
    public String lastExit;
    @Column(name = "created_at", nullable = false)
    public long createdAt;
    @Column(name = "updated_at", nullable = false)
    public long updatedAt;
    @Version
    public long version;

    /** Back to NOT_INSTANTIATED once its resources are gone (terminate, an undone instantiate): nothing of the run is kept. */
    void released() {
        instantiationState = InstantiationState.NOT_INSTANTIATED;
        operationalState = null;
        containerId = null;
        dataDir = null;
        ports = null;
        clientSecret = null;
    }
}
