package org.edgeslice.support.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Versioned schema migrations with Flyway. Each service keeps its scripts in {@code db/migration/<service>}
 * and its own history table, so several services can share one database (one PostgreSQL database with a
 * table prefix per service) without seeing each other's migrations.
 */
public final class SchemaMigrations {

    private SchemaMigrations() {
    }

    /**
     * Applies the pending migrations of one service.
     *
     * @param dataSource  the service's data source
     * @param service     the service name; selects {@code classpath:db/migration/<service>} and the history table
     * @param classLoader the loader that sees the scripts (the WAR's)
     * @return the number of migrations applied now
     */
    public static int migrate(DataSource dataSource, String service, ClassLoader classLoader) {
        MigrateResult result = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + service)
                .table("schema_history_" + service.replace('-', '_'))
                .baselineOnMigrate(true)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
