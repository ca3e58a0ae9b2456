package org.edgeslice.meo.common;

import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.support.problem.ProblemException;

/** Small helpers to state client errors in domain code. */
public final class Problems {

    private Problems() {
    }

    public static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("'" + name + "' is required");
        }
        return value;
    }

    public static <T> T require(T value, String name) {
        if (value == null) {
            throw ProblemException.badRequest("'" + name + "' is required");
        }
        return value;
    }

    public static ProblemDetails problem(int status, String title, String detail) {
        return new ProblemDetails("about:blank", title, status, detail, null);
    }
}
