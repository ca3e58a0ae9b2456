package org.edgeslice.cloud.ciss;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeslice.cloud.infrastructure.CloudSettings;
import org.edgeslice.onem2m.binding.HttpBinding;
import org.edgeslice.onem2m.binding.HttpRequestView;
import org.edgeslice.onem2m.binding.HttpResponseView;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.resource.Resource;

/**
 * Every oneM2M request to the CISS goes through here: the engine answers it, except a RETRIEVE of a resource of a
 * REDIRECT-mode offloaded task, which the slice answers (the paper's retrieve redirection for high-rate data).
 * A response is sent only once the changes of the request are committed ({@code awaitDurable}).
 */
@ApplicationScoped
public class CseGateway {

    /** Marks a response that came from a slice, naming the task; for clients, tests and logs. */
    public static final String SERVED_BY = "X-EdgeSlice-Served-By";
    private static final Logger LOG = Logger.getLogger(CseGateway.class.getName());

    @Inject
    CloudCse cse;

    @Inject
    CloudSettings settings;

    private final Map<String, HttpBinding> bindings = new ConcurrentHashMap<>();

    public HttpResponseView handle(HttpRequestView request, String root) {
        HttpBinding binding = bindings.computeIfAbsent(root, cse::binding);
        if ("GET".equalsIgnoreCase(request.method()) && !cse.redirects().isEmpty()) {
            Optional<HttpResponseView> redirected = redirect(request, root, binding);
            if (redirected.isPresent()) {
                return redirected.get();
            }
        }
        HttpResponseView out = binding.handle(request);
        try {
            cse.store().awaitDurable();
        } catch (IllegalStateException e) {
            LOG.log(Level.SEVERE, "CISS write not durable", e);
            return failure(request, "the change could not be stored durably");
        }
        return out;
    }

    private Optional<HttpResponseView> redirect(HttpRequestView request, String root, HttpBinding binding) {
        String structured = structuredPath(request.rawPath(), root);
        if (structured == null) {
            return Optional.empty();
        }
        Optional<RedirectTable.Redirect> match = cse.redirects().match(structured);
        if (match.isEmpty()) {
            return Optional.empty();
        }
        RedirectTable.Redirect r = match.get();
        // the originator must be allowed to retrieve the task root here, in the cloud, before the slice answers
        HttpRequestView probe = new HttpRequestView("GET", root + "/" + r.cloudRoot(), null, request.headers(),
                new byte[0], request.remoteAddress());
        HttpResponseView local = binding.handle(probe);
        if (local.status() / 100 != 2) {
            return Optional.of(local);
        }
        try {
            Onem2mClient.Reply reply = Onem2mClient.retrieve(r.sliceEndpoint(), r.slicePathOf(structured),
                    request.rawQuery(), settings.sliceAdmin());
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-M2M-RSC", Integer.toString(reply.rsc()));
            String ri = request.header("X-M2M-RI");
            if (ri != null) {
                headers.put("X-M2M-RI", ri);
            }
            headers.put("X-M2M-RVI", Optional.ofNullable(request.header("X-M2M-RVI")).orElse("3"));
            if (reply.body().length > 0) {
                headers.put("Content-Type", "application/json");
            }
            headers.put(SERVED_BY, "slice; task=" + r.taskId());
            return Optional.of(new HttpResponseView(reply.status(), headers, reply.body()));
        } catch (IOException e) {
            // the slice is unreachable: the cloud copy is the best answer there is
            LOG.log(Level.WARNING, "slice of task " + r.taskId() + " unreachable; answering from the cloud", e);
            return Optional.empty();
        }
    }

    /** The structured CSE-relative path a request path names, or null if it cannot be told cheaply. */
    String structuredPath(String rawPath, String root) {
        if (rawPath == null || !rawPath.startsWith(root + "/")) {
            return null;
        }
        String p = decodedRelative(rawPath, root);
        String cseName = settings.cseName();
        String spPrefix = "~" + settings.cseId() + "/";
        if (p.startsWith(spPrefix)) {
            p = p.substring(spPrefix.length());
        }
        if (p.startsWith("-/")) {
            p = cseName + p.substring(1);
        }
        if (p.equals(cseName) || p.startsWith(cseName + "/")) {
            return p;
        }
        // unstructured: ri, maybe followed by a virtual child (la/ol)
        final String rel = p;
        int slash = rel.indexOf('/');
        String ri = slash < 0 ? rel : rel.substring(0, slash);
        Optional<Resource> r = cse.store().get(ri);
        return r.map(res -> res.path() + (slash < 0 ? "" : rel.substring(slash))).orElse(null);
    }

    private static String decodedRelative(String rawPath, String root) {
        return URLDecoder.decode(rawPath.substring(root.length() + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private HttpResponseView failure(HttpRequestView request, String message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-M2M-RSC", "5000");
        String ri = request.header("X-M2M-RI");
        if (ri != null) {
            headers.put("X-M2M-RI", ri);
        }
        headers.put("X-M2M-RVI", "3");
        headers.put("Content-Type", "application/json");
        return new HttpResponseView(500, headers, Json.write(Json.object().put("m2m:dbg", message)));
    }
}
