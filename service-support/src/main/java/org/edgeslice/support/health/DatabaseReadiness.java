package org.edgeslice.support.health;

import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Readiness of a service's database: a connection can be had and is valid within one second. */
public final class DatabaseReadiness {

    private DatabaseReadiness() {
    }

    public static HealthCheckResponse check(String name, DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            return HealthCheckResponse.named(name).status(c.isValid(1)).withData("database", product).build();
        } catch (Exception e) {
            return HealthCheckResponse.named(name).down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
