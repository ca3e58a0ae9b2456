package org.edgeslice.mepm.virt;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.edgeslice.mepm.config.MepmSettings;
import org.edgeslice.mepm.virt.docker.DockerDriver;
import org.edgeslice.mepm.virt.process.LocalProcessDriver;

/**
 * Chooses the host's virtualisation driver once at start: {@code mepm.driver=docker} or {@code process} as
 * configured, or with {@code auto} Docker when an engine answers at {@code mepm.docker.host}, else local
 * processes. The choice is logged and shown by {@code GET mepm/v1/host} and {@code /health/ready}.
 */
@ApplicationScoped
public class Virtualisation {

    private static final Logger LOG = Logger.getLogger(Virtualisation.class.getName());

    @Inject
    MepmSettings settings;

    private VirtualisationDriver driver;

    @PostConstruct
    void choose() {
        String wanted = settings.driver();
        boolean docker = switch (wanted) {
            case "docker" -> true;
            case "process" -> false;
            case "auto" -> DockerDriver.reachable(settings.dockerHost());
            // a misspelt value used to fall back to auto, so a host meant to run processes used Docker unnoticed
            default -> throw new IllegalArgumentException("mepm.driver must be auto, docker or process, not '"
                    + wanted + "'");
        };
        driver = docker ? new DockerDriver(settings.dockerHost())
                : new LocalProcessDriver(settings.localArtifacts(), settings.localState(), settings.localJava());
        LOG.info(() -> "MEPM " + settings.hostId() + ": virtualisation driver '" + driver.name() + "' at "
                + driver.endpoint() + (docker || "process".equals(wanted) ? ""
                : " (no Docker Engine answered at " + settings.dockerHost() + ")"));
    }

    public VirtualisationDriver driver() {
        return driver;
    }

    /** Whether the engine answers now (always true for local processes). */
    public boolean healthy() {
        return !(driver instanceof DockerDriver d) || d.ping();
    }

    @PreDestroy
    void close() {
        driver.close();
    }
}
