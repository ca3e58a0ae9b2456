package org.edgeslice.testkit;

import java.io.File;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Deployment helpers for the Arquillian tests of the Payara services. */
public final class Deployments {

    private Deployments() {
    }

    /**
     * The WAR that {@code mvn package} built for this module (system property {@code service.war}): the tests
     * exercise exactly the artifact that {@code ./mec up} deploys.
     */
    public static WebArchive builtWar() {
        String path = System.getProperty("service.war");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("service.war does not name a built WAR: " + path
                    + " (run the tests with 'mvn verify')");
        }
        File war = new File(path);
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /**
     * Payara Micro bound to 127.0.0.1 reports the machine's address to Arquillian; the tests talk to loopback
     * only, so the URL is rebuilt on 127.0.0.1 with the same port and path.
     */
    public static String loopback(URL deployed) {
        return "http://127.0.0.1:" + deployed.getPort() + deployed.getPath();
    }

    /** The server root (where {@code /health}, {@code /metrics} and {@code /openapi} are served). */
    public static String serverRoot(URL deployed) {
        return "http://127.0.0.1:" + deployed.getPort() + "/";
    }
}
