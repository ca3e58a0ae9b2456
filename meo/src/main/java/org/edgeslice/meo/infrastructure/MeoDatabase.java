package org.edgeslice.meo.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.edgeslice.meo.MeoApplication;
import org.edgeslice.support.persistence.SchemaMigrations;

/** Brings the MEO's schema to the current version before any request is served. */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MeoDatabase {

    private static final Logger LOG = Logger.getLogger(MeoDatabase.class.getName());

    @Resource(lookup = MeoApplication.DATA_SOURCE)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        int applied = SchemaMigrations.migrate(dataSource, "meo", getClass().getClassLoader());
        LOG.info(() -> "MEO schema: " + applied + " migration(s) applied");
    }
}
