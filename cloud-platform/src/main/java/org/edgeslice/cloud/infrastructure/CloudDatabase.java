package org.edgeslice.cloud.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.edgeslice.cloud.CloudPlatformApplication;
import org.edgeslice.cloud.ciss.CloudCse;
import org.edgeslice.cloud.ciss.offload.OffloadService;
import org.edgeslice.cloud.iscl.IsclRepository;
import org.edgeslice.support.persistence.SchemaMigrations;

/** Brings the cloud schema to the current version, then starts the CISS, before any request is served. */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CloudDatabase {

    private static final Logger LOG = Logger.getLogger(CloudDatabase.class.getName());

    @Resource(lookup = CloudPlatformApplication.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    CloudCse cse;

    @Inject
    OffloadService offloads;

    @Inject
    IsclRepository iscl;

    @PostConstruct
    void migrate() {
        int applied = SchemaMigrations.migrate(dataSource, "cloud", getClass().getClassLoader());
        LOG.info(() -> "cloud platform schema: " + applied + " migration(s) applied");
        // the CISS loads its resource tree and its redirects now rather than on the first request
        int resources = cse.store().size();
        offloads.restoreRedirects();
        int interrupted = iscl.failInterrupted();
        if (interrupted > 0) {
            LOG.warning(() -> interrupted + " slicing request(s) interrupted by the restart marked FAILED");
        }
        LOG.info(() -> "CISS started: " + resources + " resources");
    }
}
