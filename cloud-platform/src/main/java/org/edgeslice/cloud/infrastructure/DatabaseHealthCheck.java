package org.edgeslice.cloud.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.edgeslice.cloud.CloudPlatformApplication;
import org.edgeslice.support.health.DatabaseReadiness;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready}: the cloud platform is ready when its database answers. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @Resource(lookup = CloudPlatformApplication.DATA_SOURCE)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        return DatabaseReadiness.check("cloud-platform-database", dataSource);
    }
}
