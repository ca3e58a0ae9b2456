package org.edgeslice.cloud.meo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.edgeslice.cloud.infrastructure.CloudSettings;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready}, separate check: whether the MEO (cloud.meo.url) answers; slicing needs it. */
@Readiness
@ApplicationScoped
public class MeoReachability implements HealthCheck {

    @Inject
    CloudSettings settings;

    @Override
    public HealthCheckResponse call() {
        String url = settings.meoUrl();
        return HealthCheckResponse.named("cloud-platform-meo").status(new MeoClient(url).reachable())
                .withData("meo", url).build();
    }
}
