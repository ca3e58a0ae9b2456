package org.edgeslice.mepm.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.edgeslice.mepm.config.MepmSettings;
import org.edgeslice.mepm.host.HostRegistration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: the host is registered at the MEO. Until then the MEO cannot place an app here, so a
 * launcher that waits for readiness (./mec up --hosts N) must not declare the host ready before it is.
 */
@Readiness
@ApplicationScoped
public class RegistrationHealthCheck implements HealthCheck {

    @Inject
    MepmSettings settings;

    @Inject
    HostRegistration registration;

    @Override
    public HealthCheckResponse call() {
        boolean ready = !settings.registerAtMeo() || registration.registered();
        return HealthCheckResponse.named("mepm-registration").status(ready)
                .withData("hostId", settings.hostId()).withData("meo", settings.meoUrl()).build();
    }
}
