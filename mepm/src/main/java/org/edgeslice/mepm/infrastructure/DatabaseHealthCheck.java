package org.edgeslice.mepm.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.edgeslice.mepm.MepmApplication;
import org.edgeslice.support.health.DatabaseReadiness;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready}: the MEPM needs its database. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @Resource(lookup = MepmApplication.DATA_SOURCE)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        return DatabaseReadiness.check("mepm-database", dataSource);
    }
}
