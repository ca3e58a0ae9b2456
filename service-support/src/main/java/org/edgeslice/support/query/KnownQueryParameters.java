package org.edgeslice.support.query;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.edgeslice.support.problem.ProblemException;

/**
 * Rejects query parameters the matched resource method does not declare, with 400 (ETSI GS MEC 009: an
 * unknown query parameter is a client error, not something to ignore). The allowed names are the method's
 * {@code @QueryParam}s, including those of its {@code @BeanParam}s.
 */
@Provider
public class KnownQueryParameters implements ContainerRequestFilter {

    private static final Map<Method, Set<String>> ALLOWED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> allowed = ALLOWED.computeIfAbsent(method, KnownQueryParameters::declaredBy);
        for (String name : request.getUriInfo().getQueryParameters(false).keySet()) {
            if (!allowed.contains(name)) {
                throw ProblemException.badRequest("Unknown query parameter '" + name + "'"
                        + (allowed.isEmpty() ? "; this operation takes none" : "; allowed: " + String.join(", ", allowed)));
            }
        }
    }

    static Set<String> declaredBy(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter p : method.getParameters()) {
            collect(p.getAnnotations(), p.getType(), names);
        }
        return names;
    }

    private static void collect(Annotation[] annotations, Class<?> type, Set<String> names) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                names.add(q.value());
            } else if (a instanceof BeanParam) {
                for (Field f : type.getDeclaredFields()) {
                    collect(f.getAnnotations(), f.getType(), names);
                }
            }
        }
    }
}
