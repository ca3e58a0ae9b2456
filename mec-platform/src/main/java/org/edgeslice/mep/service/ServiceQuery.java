package org.edgeslice.mep.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.edgeslice.contract.mec011.LocalityType;
import org.edgeslice.contract.mec011.ServiceInfo;
import org.edgeslice.support.problem.ProblemException;

/**
 * The service discovery query of ETSI GS MEC 011 clause 8.2.3.3.1: at most one of {@code ser_instance_id},
 * {@code ser_name}, {@code ser_category_id} (each a list, comma-separated or repeated), and
 * {@code consumed_local_only}, {@code is_local}, {@code scope_of_locality}.
 */
public record ServiceQuery(List<String> serInstanceIds, List<String> serNames, List<String> serCategoryIds,
                           Boolean consumedLocalOnly, Boolean isLocal, LocalityType scopeOfLocality) {

    public static ServiceQuery parse(List<String> serInstanceId, List<String> serName, List<String> serCategoryId,
                                     String consumedLocalOnly, String isLocal, String scopeOfLocality) {
        List<String> ids = split(serInstanceId);
        List<String> names = split(serName);
        List<String> categories = split(serCategoryId);
        int given = (ids.isEmpty() ? 0 : 1) + (names.isEmpty() ? 0 : 1) + (categories.isEmpty() ? 0 : 1);
        if (given > 1) {
            throw ProblemException.badRequest("ser_instance_id, ser_name and ser_category_id are mutually exclusive");
        }
        LocalityType scope = null;
        if (scopeOfLocality != null) {
            try {
                scope = LocalityType.valueOf(scopeOfLocality);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("scope_of_locality must be one of " + List.of(LocalityType.values()));
            }
        }
        return new ServiceQuery(ids, names, categories, bool("consumed_local_only", consumedLocalOnly),
                bool("is_local", isLocal), scope);
    }

    public boolean matches(ServiceInfo s) {
        return (serInstanceIds.isEmpty() || serInstanceIds.contains(s.serInstanceId()))
                && (serNames.isEmpty() || serNames.contains(s.serName()))
                && (serCategoryIds.isEmpty() || s.serCategory() != null && serCategoryIds.contains(s.serCategory().id()))
                && (consumedLocalOnly == null || consumedLocalOnly.equals(s.consumedLocalOnly()))
                && (isLocal == null || isLocal.equals(s.isLocal()))
                && (scopeOfLocality == null || scopeOfLocality == s.scopeOfLocality());
    }

    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (part.isBlank()) {
                        throw ProblemException.badRequest("Empty value in a service query list parameter");
                    }
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badRequest(name + " must be true or false, not '" + value + "'");
        };
    }
}
