package org.edgeslice.mep.security;

import jakarta.ws.rs.core.SecurityContext;
import org.edgeslice.support.problem.ProblemException;

/** The authenticated app instance of a request ({@link Mp1Security} sets it). */
public final class Callers {

    private Callers() {
    }

    public static String appInstanceId(SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null || !security.isUserInRole("APP")) {
            throw new ProblemException(401, "Unauthorized", "No authenticated app instance");
        }
        return security.getUserPrincipal().getName();
    }
}
