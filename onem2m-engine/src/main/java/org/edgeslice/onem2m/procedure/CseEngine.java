package org.edgeslice.onem2m.procedure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.edgeslice.onem2m.acp.AccessControl;
import org.edgeslice.onem2m.acp.Originator;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.Operation;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.common.Timestamps;
import org.edgeslice.onem2m.discovery.FilterCriteria;
import org.edgeslice.onem2m.function.CommonServiceFunction;
import org.edgeslice.onem2m.function.FunctionGate;
import org.edgeslice.onem2m.function.FunctionSet;
import org.edgeslice.onem2m.notification.NotificationSender;
import org.edgeslice.onem2m.notification.NotificationService;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;
import org.edgeslice.onem2m.store.WriteBatch;
import org.edgeslice.onem2m.store.ResourceStore;

/**
 * The CSE: takes binding-independent request primitives and answers response primitives (TS-0001 §10.1 generic
 * resource procedures; TS-0004 §7.2 "general procedures": originator and release checks, target resolution,
 * function and access checks, then the operation). Thread-safe; one instance per CSE.
 *
 * <p>Order of checks for every request: release version (4001), originator present (4000), the common service
 * function the request needs is held (5001) and served where it arrived (4005), target exists (4004/5103), access
 * control (4103; then 4101 for a subscription the originator may not RETRIEVE), then the operation's own checks.
 */
public final class CseEngine implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CseEngine.class.getName());

    private final CseConfig config;
    private final ResourceStore store;
    private final FunctionGate gate;
    private final CseContext ctx;
    private final CreateProcedure create;
    private final RetrieveProcedure retrieve;
    private final UpdateProcedure update;
    private final DeleteProcedure delete;
    private final FanOutProcedure fanOut;

    /** Builds the engine and makes sure the CSEBase resource exists in the store. */
    public CseEngine(CseConfig config, ResourceStore store, NotificationSender sender) {
        this.config = config;
        this.store = store;
        this.gate = new FunctionGate(config.functions());
        TargetResolver resolver = new TargetResolver(store, config);
        NotificationService notifications = new NotificationService(store, sender, config.cseId(),
                config.notificationRetries(), resolver::find);
        AccessControl access = new AccessControl(store, config.adminOriginator(), config.cseName(), config.cseId(),
                config.cseBaseRetrieve());
        this.ctx = new CseContext(config, store, resolver, access, notifications, new ReentrantLock(),
                new GroupMembers(store, resolver, access, config.cseBaseRi(),
                        config.functions().contains(CommonServiceFunction.GROUP_MANAGEMENT)));
        this.create = new CreateProcedure(ctx);
        this.retrieve = new RetrieveProcedure(ctx);
        this.update = new UpdateProcedure(ctx);
        this.delete = new DeleteProcedure(ctx);
        this.fanOut = new FanOutProcedure(ctx);
        notifications.onExpirationCounterReached(this::removeSubscription);
        bootstrapCseBase();
    }

    /** Handles a request as if it arrived at an endpoint serving every function the CSE holds. */
    public Response handle(Request req) {
        return handle(req, null);
    }

    /**
     * Handles one request.
     *
     * @param servedHere the functions the receiving endpoint serves, or null for all the CSE holds
     * @return the response; failures are responses with an error RSC, never exceptions
     */
    public Response handle(Request req, FunctionSet servedHere) {
        return handle(req, servedHere, 0, null);
    }

    /**
     * @param fanOutDepth fan-out points the request has passed
     * @param budget      member requests left to the original request, or null before its first fan-out point
     */
    private Response handle(Request req, FunctionSet servedHere, int fanOutDepth, FanOutProcedure.Budget budget) {
        try {
            return dispatch(req, servedHere, fanOutDepth, budget);
        } catch (Onem2mException e) {
            return Response.error(e.rsc(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "request " + req.requestId() + " failed", e);
            return Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR, "internal error");
        }
    }

    private Response dispatch(Request req, FunctionSet served, int fanOutDepth, FanOutProcedure.Budget budget) {
        String rvi = req.releaseVersion();
        // TS-0004 §7.3.2: a release the CSE does not list in srv is 4001, "1" included (ACME
        // test_checkHTTPRVIWrongInRequest); an absent rvi is a Release 1 request and stays accepted
        if (rvi != null && !config.supportedReleases().contains(rvi)) {
            throw new Onem2mException(ResponseStatusCode.RELEASE_VERSION_NOT_SUPPORTED,
                    "release " + rvi + " is not supported; supported: " + config.supportedReleases());
        }
        if (req.from() == null) {
            throw Onem2mException.badRequest("missing originator (X-M2M-Origin)");
        }
        String from = normaliseOriginator(req.from());
        Originator who = new Originator(from, req.originatorAddress());
        FanOutProcedure.Point point = req.to() == null ? null : fanOut.find(req.to());
        if (point != null) {
            // a group's <fanOutPoint>: the Group Management CSF sends the request on to every member
            gate.check(CommonServiceFunction.GROUP_MANAGEMENT, served);
            requireOriginator(from);
            FanOutProcedure.Budget left = budget == null ? new FanOutProcedure.Budget() : budget;
            return fanOut.fanOut(withFrom(req, from), point, fanOutDepth, left,
                    member -> handle(member, served, fanOutDepth + 1, left));
        }
        switch (req.op()) {
            case CREATE -> {
                Integer ty = req.resourceType();
                if (ty == null) {
                    throw Onem2mException.badRequest("missing resource type (ty) in CREATE");
                }
                ResourceType type = ResourceType.fromTy(ty);
                if (type == null) {
                    // TS-0004 §6.6: 5001 when the CSE does not implement what the request asks for; a ty that
                    // oneM2M does not define at all is a malformed request (4000, as ACME answers ty=999)
                    if (ResourceType.isDefined(ty)) {
                        throw new Onem2mException(ResponseStatusCode.NOT_IMPLEMENTED,
                                "resource type " + ty + " is not implemented by this CSE");
                    }
                    throw Onem2mException.badRequest("resource type " + ty + " is not a oneM2M resource type");
                }
                if (type == ResourceType.CSE_BASE) {
                    throw Onem2mException.notAllowed("a CSEBase cannot be created");
                }
                gate.check(FunctionGate.required(Operation.CREATE, type), served);
                Target target = ctx.resolver().resolve(req.to());
                if (from.isEmpty() && type != ResourceType.AE) {
                    throw Onem2mException.badRequest("missing originator (X-M2M-Origin)");
                }
                if (!target.isVirtual()) {
                    ctx.access().checkCreate(who, target.resource(), type);
                }
                return create.create(withFrom(req, from), target, type);
            }
            case RETRIEVE, DISCOVERY -> {
                gate.check(CommonServiceFunction.RETRIEVE, served);
                Target target = ctx.resolver().resolve(req.to());
                requireOriginator(from);
                ctx.access().check(who, req.isDiscovery() ? Operation.DISCOVERY : Operation.RETRIEVE,
                        target.resource(), null);
                return retrieve.retrieve(withFrom(req, from), target);
            }
            case UPDATE -> {
                Target target = ctx.resolver().resolve(req.to());
                gate.check(FunctionGate.required(Operation.UPDATE, target.resource().type()), served);
                requireOriginator(from);
                ctx.access().checkUpdate(who, target.resource(), req.content());
                return update.update(withFrom(req, from), target);
            }
            case DELETE -> {
                Target target = ctx.resolver().resolve(req.to());
                ResourceType type = target.isVirtual() ? ResourceType.CONTENT_INSTANCE : target.resource().type();
                gate.check(FunctionGate.required(Operation.DELETE, type), served);
                requireOriginator(from);
                ctx.access().check(who, Operation.DELETE, target.resource(), null);
                return delete.delete(withFrom(req, from), target);
            }
            case NOTIFY -> {
                Target target = ctx.resolver().resolve(req.to());
                if (target.isVirtual() || target.resource().type() != ResourceType.AE) {
                    // over HTTP a NOTIFY is a POST without ty: at anything but a notification target it is
                    // far more likely a CREATE that forgot ty (ONEM2M notes §1.1: 4000)
                    throw Onem2mException.badRequest("missing ty in Content-Type: only AEs accept a NOTIFY");
                }
                gate.check(CommonServiceFunction.NOTIFICATION, served);
                requireOriginator(from);
                return notifyTarget(req, who, target);
            }
            default -> throw Onem2mException.badRequest("unsupported operation");
        }
    }

    /**
     * A NOTIFY received by the CSE: for an AE it is re-targeted to the AE's point of access (TS-0001 §10.2.10);
     * other resources are not notification targets (4000, checked by the caller).
     */
    private Response notifyTarget(Request req, Originator from, Target target) {
        Resource r = target.resource();
        ctx.access().check(from, Operation.NOTIFY, r, null);
        if (req.content() == null || !req.content().isObject()) {
            throw Onem2mException.badRequest("NOTIFY needs content");
        }
        NotificationSender.DeliveryResult result = ctx.notifications().forward(r.ri(), req.from(), req.content());
        if (result.rsc() > 0) {
            try {
                return Response.of(ResponseStatusCode.fromCode(result.rsc()), null);
            } catch (IllegalArgumentException unknown) {
                // fall through: an RSC we do not know
            }
        }
        return result.delivered() ? Response.of(ResponseStatusCode.OK, null)
                : Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, result.detail());
    }

    /**
     * The operations the addressed resource admits at an endpoint serving {@code servedHere}, for the HTTP
     * {@code Allow} header of a 4005/405 answer (TS-0009 §6.6, RFC 9110 §15.5.6): a CSEBase can be retrieved and
     * created under, not updated or deleted (this engine answers 4005 to both, TS-0001 §9.6.3), a contentInstance
     * and the virtual {@code la}/{@code ol} can be retrieved and deleted (TS-0001 §9.6.7, §9.6.27, §9.6.28), every
     * other type admits all four, an AE a NOTIFY too. Not on the request path: only a 4005 asks for it.
     *
     * @return the operations, or null when the target does not resolve
     */
    public Set<Operation> allowedOperations(String to, FunctionSet servedHere) {
        Target target;
        try {
            target = ctx.resolver().resolve(to);
        } catch (Onem2mException e) {
            return null;
        }
        ResourceType type = target.isVirtual() ? ResourceType.CONTENT_INSTANCE : target.resource().type();
        Set<Operation> ops = EnumSet.of(Operation.RETRIEVE);
        switch (type) {
            case CSE_BASE -> ops.add(Operation.CREATE);
            case CONTENT_INSTANCE -> ops.add(Operation.DELETE);
            default -> {
                ops.add(Operation.CREATE);
                ops.add(Operation.UPDATE);
                ops.add(Operation.DELETE);
                if (type == ResourceType.AE) {
                    ops.add(Operation.NOTIFY);
                }
            }
        }
        if (servedHere != null) {
            // an operation whose function this endpoint does not serve is 4005 here as well
            ops.removeIf(op -> switch (op) {
                case CREATE -> !servedHere.contains(CommonServiceFunction.DATA_MANAGEMENT)
                        && !servedHere.contains(CommonServiceFunction.REGISTRATION)
                        && !servedHere.contains(CommonServiceFunction.SUBSCRIPTION);
                default -> !servedHere.contains(FunctionGate.required(op, type));
            });
        }
        return ops;
    }

    private static void requireOriginator(String from) {
        if (from.isEmpty()) {
            throw Onem2mException.badRequest("missing originator (X-M2M-Origin)");
        }
    }

    /** SP-relative originators naming this CSE ({@code /id-mn/Cxyz}) are the same as the bare AE-ID. */
    private String normaliseOriginator(String from) {
        String prefix = config.cseId() + "/";
        return from.startsWith(prefix) ? from.substring(prefix.length()) : from;
    }

    private static Request withFrom(Request r, String from) {
        return from.equals(r.from()) ? r : r.withFrom(from);
    }

    /**
     * Housekeeping: deletes resources whose {@code et} has passed (TS-0001 §9.6.1.3.2, with their subtree and the
     * notifications a DELETE sends) and content instances older than their container's {@code mia}. The caller
     * schedules it; it is cheap for the small trees a slice holds.
     *
     * @return number of resources removed (expired roots plus aged instances)
     */
    public int sweepExpired() {
        Instant now = Instant.now();
        int removed = 0;
        FilterCriteria expired = new FilterCriteria(Set.of(), List.of(), null, null, null, null, null, now,
                null, null, null, null, Set.of(), 1, null, null, null);
        for (Resource r : store.discover(config.cseBaseRi(), expired)) {
            DeleteProcedure.Deleted d = delete.deleteLocked(r.ri());
            if (d != null) {
                delete.announce(d);
                removed++;
            }
        }
        FilterCriteria containers = new FilterCriteria(Set.of(ResourceType.CONTAINER.ty()), List.of(), null, null,
                null, null, null, null, null, null, null, null, Set.of(), 1, null, null, null);
        for (Resource c : store.discover(config.cseBaseRi(), containers)) {
            if (!c.has("mia")) {
                continue;
            }
            List<Resource> groupsLeft = List.of();
            ctx.writeLock().lock();
            try {
                Resource current = store.get(c.ri()).orElse(null);
                if (current == null) {
                    continue;
                }
                List<Resource> aged = ContainerPolicy.evictions(store, current, false, 0, now);
                if (!aged.isEmpty()) {
                    Resource copy = current.copy();
                    ContainerPolicy.account(copy, aged);
                    WriteBatch batch = new WriteBatch();
                    groupsLeft = ctx.remove(aged, batch);
                    batch.update(copy);
                    store.write(batch);
                    ctx.groups().removed(aged, groupsLeft);
                    removed += aged.size();
                }
            } finally {
                ctx.writeLock().unlock();
            }
            ctx.announce(groupsLeft);
        }
        return removed;
    }

    /** Removes a subscription whose expiration counter is used up (TS-0004 §7.3.8.2.x, {@code exc}). */
    private void removeSubscription(String ri) {
        DeleteProcedure.Deleted d = delete.deleteLocked(ri);
        if (d != null) {
            delete.announce(d);
        }
    }

    private void bootstrapCseBase() {
        String ri = config.cseBaseRi();
        Resource existing = store.get(ri).orElse(null);
        if (existing != null) {
            if (!config.cseName().equals(existing.rn())) {
                throw new IllegalStateException("the store holds CSE " + existing.rn() + ", not " + config.cseName());
            }
            Resource cb = existing.copy();
            fillCseBase(cb.attrs());
            if (!cb.attrs().equals(existing.attrs())) {
                store.write(new WriteBatch().update(cb));
            }
            return;
        }
        ObjectNode a = Json.object();
        String now = Timestamps.now();
        a.put("rn", config.cseName());
        a.put("ty", ResourceType.CSE_BASE.ty());
        a.put("ri", ri);
        a.put("pi", "");
        a.put("ct", now);
        a.put("lt", now);
        fillCseBase(a);
        store.write(new WriteBatch().create(new Resource(ResourceType.CSE_BASE, a, config.cseName())));
    }

    private void fillCseBase(ObjectNode a) {
        a.put("csi", config.cseId());
        a.put("cst", config.cseType());
        ArrayNode srt = a.putArray("srt");
        for (ResourceType t : ResourceType.values()) {
            // a type whose function this CSE does not hold is not supported here (an IoT slice has no groups)
            if (t != ResourceType.GROUP || config.functions().contains(CommonServiceFunction.GROUP_MANAGEMENT)) {
                srt.add(t.ty());
            }
        }
        ArrayNode srv = a.putArray("srv");
        config.supportedReleases().forEach(srv::add);
        ArrayNode poa = a.putArray("poa");
        config.pointOfAccess().forEach(poa::add);
        a.putArray("csz").add("application/json");
    }

    public CseConfig config() {
        return config;
    }

    public ResourceStore store() {
        return store;
    }

    /** For tests and orderly shutdown: waits for queued notifications. */
    public void drainNotifications(long timeoutMillis) {
        ctx.notifications().drain(timeoutMillis);
    }

    /** Stops notification delivery. The store belongs to the caller and stays open. */
    @Override
    public void close() {
        ctx.notifications().close();
    }
}
