package org.edgeslice.mep.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.edgeslice.mep.MecPlatformApplication;
import org.edgeslice.support.persistence.SchemaMigrations;

/** Brings the platform's schema to the current version before any request is served. */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlatformDatabase {

    private static final Logger LOG = Logger.getLogger(PlatformDatabase.class.getName());

    @Resource(lookup = MecPlatformApplication.DATA_SOURCE)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        int applied = SchemaMigrations.migrate(dataSource, "mep", getClass().getClassLoader());
        LOG.info(() -> "MEC platform schema: " + applied + " migration(s) applied");
        PlatformSecrets.ensure(dataSource);
    }
}
