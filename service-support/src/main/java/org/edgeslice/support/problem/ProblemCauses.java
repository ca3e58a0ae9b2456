package org.edgeslice.support.problem;

import org.edgeslice.contract.common.ProblemDetails;

/**
 * Finds a {@link ProblemException} in a cause chain: containers wrap exceptions thrown inside transactional
 * CDI beans or EJBs (for example in {@code TransactionalException}), and the client error must survive that.
 */
final class ProblemCauses {

    private ProblemCauses() {
    }

    static ProblemException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException p) {
                return p;
            }
        }
        return null;
    }
}
