package org.edgeslice.onem2m.procedure;

import java.util.Optional;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.store.ResourceStore;

/**
 * Resolves the {@code To} parameter (TS-0001 §9.3.1, TS-0004 §6.2.3) to a resource. Accepted forms:
 * <ul>
 *   <li>CSE-relative structured: {@code cse-mn/ae1/cnt1}, with {@code -} as alias of the CSEBase name;</li>
 *   <li>CSE-relative unstructured: {@code cnt7f3a...} (the bare {@code ri}), optionally followed by
 *       {@code /la} or {@code /ol};</li>
 *   <li>hybrid: an unstructured id followed by child names ({@code Cmyae/cnt1}, {@code cnt7f3a/cin1/..}),
 *       resolved as the structured address of that resource plus the rest. TS-0001 §9.3.1 does not define this
 *       form; ACME accepts it ({@code Dispatcher._checkHybridID}) and so does the suite built on it, so it is
 *       accepted here too (docs/conformance.md);</li>
 *   <li>SP-relative {@code /id-mn/...} and absolute {@code //sp/id-mn/...} forms of both; a CSE-ID other than ours
 *       is a target this standalone CSE cannot reach (5103 TARGET_NOT_REACHABLE).</li>
 * </ul>
 * Expired resources ({@code et} in the past) are treated as absent; the housekeeping removes them.
 */
public final class TargetResolver {
    private final ResourceStore store;
    private final CseConfig config;
    private final String cseIdNoSlash;

    public TargetResolver(ResourceStore store, CseConfig config) {
        this.store = store;
        this.config = config;
        this.cseIdNoSlash = config.cseBaseRi();
    }

    /** @throws Onem2mException 4004 NOT_FOUND, 5103 TARGET_NOT_REACHABLE or 4000 for a malformed address */
    public Target resolve(String to) {
        String cseRelative = toCseRelative(to);
        Target t = resolveCseRelative(cseRelative);
        if (t == null) {
            throw Onem2mException.notFound("resource not found: " + to);
        }
        return t;
    }

    /** Like {@link #resolve} but without exceptions for a missing target; used to resolve notification targets. */
    public Optional<Resource> find(String to) {
        try {
            Target t = resolveCseRelative(toCseRelative(to));
            return t == null || t.isVirtual() ? Optional.empty() : Optional.of(t.resource());
        } catch (Onem2mException e) {
            return Optional.empty();
        }
    }

    /** Strips SP-relative and absolute prefixes that name this CSE. */
    String toCseRelative(String to) {
        if (to == null || to.isEmpty()) {
            throw Onem2mException.badRequest("missing target");
        }
        String rest = to;
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            if (slash < 0) {
                throw Onem2mException.badRequest("invalid absolute address " + to);
            }
            rest = rest.substring(slash); // the SP-ID is not checked: a standalone slice has no SP routing
        }
        if (rest.startsWith("/")) {
            int slash = rest.indexOf('/', 1);
            String csi = slash < 0 ? rest.substring(1) : rest.substring(1, slash);
            if (!csi.equals(cseIdNoSlash)) {
                throw new Onem2mException(ResponseStatusCode.TARGET_NOT_REACHABLE, "unknown CSE " + csi);
            }
            rest = slash < 0 ? cseIdNoSlash : rest.substring(slash + 1);
            if (rest.isEmpty()) {
                rest = cseIdNoSlash;
            }
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return rest;
    }

    private Target resolveCseRelative(String addr) {
        if (addr.equals("-")) {
            addr = config.cseName();
        } else if (addr.startsWith("-/")) {
            addr = config.cseName() + addr.substring(1);
        }
        Target t = resolveStructuredOrId(addr);
        if (t != null) {
            return t; // the common cases (structured path, bare ri, ri/la) cost what they did before
        }
        // hybrid: tried only once the other forms have failed, so that they keep their single lookup
        int slash = addr.indexOf('/');
        if (slash <= 0 || addr.regionMatches(0, config.cseName(), 0, slash)
                && slash == config.cseName().length()) {
            return null;
        }
        Resource base = store.get(addr.substring(0, slash)).orElse(null);
        if (base == null || expired(base)) {
            return null;
        }
        return resolveStructuredOrId(base.path() + addr.substring(slash));
    }

    /** A structured address, a bare ri, or either followed by {@code /la} or {@code /ol}. */
    private Target resolveStructuredOrId(String addr) {
        Resource r = addr.indexOf('/') < 0 ? lookupSingle(addr) : store.getByPath(addr).orElse(null);
        if (r != null) {
            return expired(r) ? null : new Target(r, Target.Virtual.NONE);
        }
        int last = addr.lastIndexOf('/');
        if (last < 0) {
            return null;
        }
        String leaf = addr.substring(last + 1);
        Target.Virtual v = "la".equals(leaf) ? Target.Virtual.LATEST
                : "ol".equals(leaf) ? Target.Virtual.OLDEST : Target.Virtual.NONE;
        if (v == Target.Virtual.NONE) {
            return null;
        }
        String parentAddr = addr.substring(0, last);
        Resource parent = parentAddr.indexOf('/') < 0 ? lookupSingle(parentAddr)
                : store.getByPath(parentAddr).orElse(null);
        if (parent == null || parent.type() != ResourceType.CONTAINER || expired(parent)) {
            return null;
        }
        return new Target(parent, v);
    }

    /** A single segment is either the CSEBase name or an unstructured id. */
    private Resource lookupSingle(String segment) {
        Optional<Resource> byId = store.get(segment);
        if (byId.isPresent()) {
            return byId.get();
        }
        return store.getByPath(segment).orElse(null);
    }

    /** Second-resolution check on the timestamp text: the basic format sorts lexicographically. */
    static boolean expired(Resource r) {
        String et = r.text("et");
        if (et == null || et.length() < 15) {
            return false;
        }
        return et.substring(0, 15).compareTo(org.edgeslice.onem2m.common.Timestamps.currentSecond()) < 0;
    }
}
