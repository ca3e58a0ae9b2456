package org.edgeslice.mep.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.common.TimeStamp;
import org.edgeslice.contract.mec011.CategoryRef;
import org.edgeslice.contract.mec011.LocalityType;
import org.edgeslice.contract.mec011.ServiceChangeType;
import org.edgeslice.contract.mec011.ServiceInfo;
import org.edgeslice.contract.mec011.ServiceInfoPost;
import org.edgeslice.contract.mec011.ServiceLivenessInfo;
import org.edgeslice.contract.mec011.ServiceLivenessUpdate;
import org.edgeslice.contract.mec011.ServiceState;
import org.edgeslice.contract.mec011.TransportInfo;
import org.edgeslice.mep.infrastructure.JsonText;
import org.edgeslice.mep.rules.EntityTags;
import org.edgeslice.mep.rules.Versioned;
import org.edgeslice.mep.transport.TransportRepository;
import org.edgeslice.mep.transport.TransportsResource;
import org.edgeslice.support.problem.ProblemException;

/**
 * The MEC services of the platform (ETSI GS MEC 011 clause 8.2): registration by their producing app, update,
 * removal, discovery and liveness. Every change notifies the matching availability subscriptions in the same
 * transaction.
 */
@ApplicationScoped
public class ServiceRegistry {

    static final String SERVICES = "mec_service_mgmt/v1/services/";

    @PersistenceContext(unitName = "mep")
    EntityManager em;

    @Inject
    TransportRepository transports;

    @Inject
    ServiceAvailabilityNotifier notifier;

    /** ETSI GS MEC 011 clause 8.2.6.3.4: the platform assigns serInstanceId and resolves transportId. */
    @Transactional
    public ServiceInfo create(String appInstanceId, ServiceInfoPost post, String apiRoot) {
        requireCommon(post.serName(), post.version(), post.state(), post.serializer(), post.serCategory(),
                post.livenessInterval());
        if (post.state() == ServiceState.SUSPENDED) {
            throw ProblemException.badRequest("state SUSPENDED is set by the platform only; use ACTIVE or INACTIVE");
        }
        if ((post.transportId() == null) == (post.transportInfo() == null)) {
            throw ProblemException.badRequest("Exactly one of transportId and transportInfo is required");
        }
        String id = UUID.randomUUID().toString();
        ServiceInfo info = new ServiceInfo(id, post.serName(), post.serCategory(), post.version(), post.state(),
                post.transportId(), resolveTransport(post.transportId(), post.transportInfo(), apiRoot),
                post.serializer(), post.scopeOfLocality() == null ? LocalityType.MEC_HOST : post.scopeOfLocality(),
                post.consumedLocalOnly() == null ? Boolean.FALSE : post.consumedLocalOnly(),
                post.isLocal() == null ? Boolean.TRUE : post.isLocal(), post.livenessInterval(),
                links(apiRoot, id, post.livenessInterval()));
        ServiceEntity e = new ServiceEntity();
        e.serInstanceId = id;
        e.appInstanceId = appInstanceId;
        e.version = 1;
        e.lastHeartbeat = System.currentTimeMillis();
        store(e, info);
        em.persist(e);
        notifier.changed(info, ServiceChangeType.ADDED);
        return info;
    }

    /** ETSI GS MEC 011 clause 8.2.7.3.2: a full replacement; serInstanceId and serName cannot change. */
    @Transactional
    public Versioned<ServiceInfo> replace(String appInstanceId, String serInstanceId, ServiceInfo put, String ifMatch,
                                          String apiRoot) {
        ServiceEntity e = own(appInstanceId, serInstanceId, LockModeType.PESSIMISTIC_WRITE);
        if (!EntityTags.ifMatchPasses(ifMatch, EntityTags.of(e.version))) {
            throw ProblemException.preconditionFailed("If-Match " + ifMatch + " does not match the current entity tag "
                    + EntityTags.of(e.version));
        }
        ServiceInfo before = JsonText.read(e.bodyJson, ServiceInfo.class);
        requireCommon(put.serName(), put.version(), put.state(), put.serializer(), put.serCategory(),
                put.livenessInterval());
        if (put.serInstanceId() != null && !put.serInstanceId().equals(serInstanceId)) {
            throw ProblemException.badRequest("serInstanceId " + put.serInstanceId() + " differs from the URI's");
        }
        if (!put.serName().equals(before.serName())) {
            throw ProblemException.badRequest("serName cannot change; register a new service instead");
        }
        if (put.state() == ServiceState.SUSPENDED && before.state() != ServiceState.SUSPENDED) {
            throw ProblemException.badRequest("state SUSPENDED is set by the platform only");
        }
        if (put.transportId() == null && put.transportInfo() == null) {
            throw ProblemException.badRequest("transportInfo (or transportId) is required");
        }
        TransportInfo transport = put.transportInfo() != null ? put.transportInfo()
                : resolveTransport(put.transportId(), null, apiRoot);
        if (put.transportInfo() != null) {
            requireTransport(put.transportInfo());
        }
        ServiceInfo after = new ServiceInfo(serInstanceId, put.serName(), put.serCategory(), put.version(), put.state(),
                put.transportId(), transport, put.serializer(),
                put.scopeOfLocality() == null ? before.scopeOfLocality() : put.scopeOfLocality(),
                put.consumedLocalOnly() == null ? before.consumedLocalOnly() : put.consumedLocalOnly(),
                put.isLocal() == null ? before.isLocal() : put.isLocal(), put.livenessInterval(),
                links(apiRoot, serInstanceId, put.livenessInterval()));
        if (after.equals(before)) {
            return new Versioned<>(after, EntityTags.of(e.version));
        }
        if (after.state() == ServiceState.ACTIVE && before.state() != ServiceState.ACTIVE) {
            e.lastHeartbeat = System.currentTimeMillis(); // a service (re)activated by its app is alive now
        }
        e.version++;
        store(e, after);
        notifier.changed(after, after.state() != before.state() ? ServiceChangeType.STATE_CHANGED
                : ServiceChangeType.ATTRIBUTES_CHANGED);
        return new Versioned<>(after, EntityTags.of(e.version));
    }

    @Transactional
    public void delete(String appInstanceId, String serInstanceId) {
        ServiceEntity e = own(appInstanceId, serInstanceId, LockModeType.PESSIMISTIC_WRITE);
        remove(e);
    }

    /** Removes every service of an app (deregistration, Mm5 removal), telling the subscribers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteAllOf(String appInstanceId) {
        em.createQuery("select s from ServiceEntity s where s.appInstanceId = :a", ServiceEntity.class)
                .setParameter("a", appInstanceId).getResultList().forEach(this::remove);
    }

    @Transactional
    public ServiceInfo get(String serInstanceId) {
        ServiceEntity e = em.find(ServiceEntity.class, serInstanceId);
        if (e == null) {
            throw ProblemException.notFound("No service " + serInstanceId);
        }
        return JsonText.read(e.bodyJson, ServiceInfo.class);
    }

    @Transactional
    public Versioned<ServiceInfo> getOwn(String appInstanceId, String serInstanceId) {
        ServiceEntity e = own(appInstanceId, serInstanceId, LockModeType.NONE);
        return new Versioned<>(JsonText.read(e.bodyJson, ServiceInfo.class), EntityTags.of(e.version));
    }

    @Transactional
    public List<ServiceInfo> discover(ServiceQuery query) {
        return em.createQuery("select s from ServiceEntity s order by s.serName, s.serInstanceId", ServiceEntity.class)
                .getResultList().stream().map(e -> JsonText.read(e.bodyJson, ServiceInfo.class))
                .filter(query::matches).toList();
    }

    @Transactional
    public List<ServiceInfo> ofApp(String appInstanceId, ServiceQuery query) {
        return em.createQuery("select s from ServiceEntity s where s.appInstanceId = :a order by s.serName,"
                        + " s.serInstanceId", ServiceEntity.class).setParameter("a", appInstanceId)
                .getResultList().stream().map(e -> JsonText.read(e.bodyJson, ServiceInfo.class))
                .filter(query::matches).toList();
    }

    /** ETSI GS MEC 011 v2.2.1+ liveness GET; only the producing app may read it. */
    @Transactional
    public ServiceLivenessInfo liveness(String callerAppInstanceId, String serInstanceId) {
        ServiceEntity e = livenessOf(callerAppInstanceId, serInstanceId, LockModeType.NONE);
        return livenessInfo(e);
    }

    /**
     * ETSI GS MEC 011 v2.2.1+ liveness PATCH: a heartbeat ({@code state: ACTIVE}). A SUSPENDED service becomes
     * ACTIVE again (and its subscribers hear of it); an INACTIVE one stays INACTIVE, since the app chose that.
     */
    @Transactional
    public ServiceLivenessInfo heartbeat(String callerAppInstanceId, String serInstanceId, ServiceLivenessUpdate update) {
        if (update.state() != ServiceState.ACTIVE) {
            throw ProblemException.badRequest("A liveness update carries state ACTIVE; change the service's state with"
                    + " PUT");
        }
        ServiceEntity e = livenessOf(callerAppInstanceId, serInstanceId, LockModeType.PESSIMISTIC_WRITE);
        e.lastHeartbeat = System.currentTimeMillis();
        if (ServiceState.SUSPENDED.name().equals(e.state)) {
            setState(e, ServiceState.ACTIVE);
        }
        return livenessInfo(e);
    }

    /** Suspends the ACTIVE services whose heartbeat is overdue; returns how many. */
    @Transactional
    public int suspendOverdue(long now) {
        int n = 0;
        for (ServiceEntity e : em.createQuery("select s from ServiceEntity s where s.livenessInterval is not null"
                + " and s.state = 'ACTIVE'", ServiceEntity.class).getResultList()) {
            if (e.lastHeartbeat + e.livenessInterval * 1000L < now) {
                em.lock(e, LockModeType.PESSIMISTIC_WRITE);
                setState(e, ServiceState.SUSPENDED);
                n++;
            }
        }
        return n;
    }

    private void setState(ServiceEntity e, ServiceState state) {
        ServiceInfo before = JsonText.read(e.bodyJson, ServiceInfo.class);
        ServiceInfo after = new ServiceInfo(before.serInstanceId(), before.serName(), before.serCategory(),
                before.version(), state, before.transportId(), before.transportInfo(), before.serializer(),
                before.scopeOfLocality(), before.consumedLocalOnly(), before.isLocal(), before.livenessInterval(),
                before.links());
        e.version++;
        store(e, after);
        notifier.changed(after, ServiceChangeType.STATE_CHANGED);
    }

    private void remove(ServiceEntity e) {
        ServiceInfo info = JsonText.read(e.bodyJson, ServiceInfo.class);
        em.remove(e);
        notifier.changed(info, ServiceChangeType.REMOVED);
    }

    private static ServiceLivenessInfo livenessInfo(ServiceEntity e) {
        return new ServiceLivenessInfo(ServiceState.valueOf(e.state),
                TimeStamp.of(java.time.Instant.ofEpochMilli(e.lastHeartbeat)), e.livenessInterval);
    }

    private ServiceEntity livenessOf(String caller, String serInstanceId, LockModeType lock) {
        ServiceEntity e = em.find(ServiceEntity.class, serInstanceId, lock);
        if (e == null || e.livenessInterval == null) {
            throw ProblemException.notFound("No liveness resource for service " + serInstanceId);
        }
        if (!e.appInstanceId.equals(caller)) {
            throw ProblemException.forbidden("Only the app that produces service " + serInstanceId
                    + " may use its liveness resource");
        }
        return e;
    }

    private ServiceEntity own(String appInstanceId, String serInstanceId, LockModeType lock) {
        ServiceEntity e = em.find(ServiceEntity.class, serInstanceId, lock);
        if (e == null || !e.appInstanceId.equals(appInstanceId)) {
            throw ProblemException.notFound("App instance " + appInstanceId + " has no service " + serInstanceId);
        }
        return e;
    }

    private static void store(ServiceEntity e, ServiceInfo info) {
        e.serName = info.serName();
        e.state = info.state().name();
        e.livenessInterval = info.livenessInterval();
        e.bodyJson = JsonText.write(info);
    }

    private TransportInfo resolveTransport(String transportId, TransportInfo given, String apiRoot) {
        if (given != null) {
            requireTransport(given);
            return given;
        }
        return transports.find(transportId).map(t -> TransportsResource.toInfo(t, apiRoot))
                .orElseThrow(() -> ProblemException.badRequest("Unknown transportId " + transportId
                        + "; see mec_service_mgmt/v1/transports"));
    }

    private static void requireTransport(TransportInfo t) {
        if (t.id() == null || t.name() == null || t.type() == null || t.protocol() == null || t.version() == null
                || t.endpoint() == null) {
            throw ProblemException.badRequest("transportInfo requires id, name, type, protocol, version and endpoint");
        }
    }

    private static void requireCommon(String serName, String version, ServiceState state, Object serializer,
                                      CategoryRef category, Integer livenessInterval) {
        if (serName == null || serName.isBlank() || version == null || version.isBlank() || state == null
                || serializer == null) {
            throw ProblemException.badRequest("serName, version, state and serializer are required");
        }
        if (category != null && (category.id() == null || category.name() == null)) {
            throw ProblemException.badRequest("serCategory requires id and name");
        }
        if (livenessInterval != null && livenessInterval <= 0) {
            throw ProblemException.badRequest("livenessInterval must be a positive number of seconds");
        }
    }

    private static ServiceInfo.Links links(String apiRoot, String id, Integer livenessInterval) {
        String self = apiRoot + SERVICES + id;
        return new ServiceInfo.Links(new LinkType(self),
                livenessInterval == null ? null : new LinkType(self + "/liveness"));
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
