package org.edgeslice.mep.service;

import org.edgeslice.contract.mec011.CategoryRef;
import org.edgeslice.contract.mec011.FilteringCriteria;
import org.edgeslice.contract.mec011.ServiceInfo;
import org.edgeslice.support.problem.ProblemException;

/**
 * Whether a service change concerns a {@code SerAvailabilityNotificationSubscription} (ETSI GS MEC 011 clause
 * 8.1.3.2): every criterion given must hold; {@code states} is compared with the state after the change.
 */
public final class AvailabilityFilter {

    private AvailabilityFilter() {
    }

    public static void validate(FilteringCriteria c) {
        if (c == null) {
            return;
        }
        int given = (isEmpty(c.serInstanceIds()) ? 0 : 1) + (isEmpty(c.serNames()) ? 0 : 1)
                + (isEmpty(c.serCategories()) ? 0 : 1);
        if (given > 1) {
            throw ProblemException.badRequest("filteringCriteria: serInstanceIds, serNames and serCategories are"
                    + " mutually exclusive");
        }
        if (c.serCategories() != null) {
            for (CategoryRef ref : c.serCategories()) {
                if (ref == null || ref.id() == null && ref.name() == null) {
                    throw ProblemException.badRequest("filteringCriteria.serCategories entries need an id or a name");
                }
            }
        }
    }

    public static boolean matches(FilteringCriteria c, ServiceInfo s) {
        if (c == null) {
            return true;
        }
        return (isEmpty(c.serInstanceIds()) || c.serInstanceIds().contains(s.serInstanceId()))
                && (isEmpty(c.serNames()) || c.serNames().contains(s.serName()))
                && (isEmpty(c.serCategories()) || s.serCategory() != null && c.serCategories().stream()
                        .anyMatch(ref -> sameCategory(ref, s.serCategory())))
                && (isEmpty(c.states()) || c.states().contains(s.state()))
                && (c.isLocal() == null || c.isLocal().equals(s.isLocal()));
    }

    private static boolean sameCategory(CategoryRef wanted, CategoryRef actual) {
        return wanted.id() != null ? wanted.id().equals(actual.id()) : wanted.name().equals(actual.name());
    }

    private static boolean isEmpty(java.util.List<?> l) {
        return l == null || l.isEmpty();
    }
}
