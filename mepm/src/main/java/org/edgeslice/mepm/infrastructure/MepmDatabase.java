package org.edgeslice.mepm.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.edgeslice.mepm.MepmApplication;
import org.edgeslice.support.persistence.SchemaMigrations;

/** Brings the MEPM's schema to the current version before anything else starts. */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MepmDatabase {

    private static final Logger LOG = Logger.getLogger(MepmDatabase.class.getName());

    @Resource(lookup = MepmApplication.DATA_SOURCE)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        int applied = SchemaMigrations.migrate(dataSource, "mepm", getClass().getClassLoader());
        LOG.info(() -> "MEPM schema: " + applied + " migration(s) applied");
    }
}
