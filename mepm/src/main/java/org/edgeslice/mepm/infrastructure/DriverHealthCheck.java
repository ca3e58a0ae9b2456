package org.edgeslice.mepm.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.edgeslice.mepm.virt.Virtualisation;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready}: which virtualisation driver is active, and whether its engine answers. */
@Readiness
@ApplicationScoped
public class DriverHealthCheck implements HealthCheck {

    @Inject
    Virtualisation virtualisation;

    @Override
    public HealthCheckResponse call() {
        boolean up = virtualisation.healthy();
        return HealthCheckResponse.named("mepm-virtualisation").status(up)
                .withData("driver", virtualisation.driver().name())
                .withData("endpoint", virtualisation.driver().endpoint()).build();
    }
}
