package org.edgeslice.cloud.ciss.offload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeslice.cloud.ciss.CloudCse;
import org.edgeslice.cloud.ciss.Onem2mClient;
import org.edgeslice.cloud.ciss.RedirectTable;
import org.edgeslice.cloud.infrastructure.CloudSettings;
import org.edgeslice.contract.cloud.OffloadRequest;
import org.edgeslice.contract.cloud.SyncMode;
import org.edgeslice.contract.cloud.TaskInfo;
import org.edgeslice.contract.cloud.TaskSpec;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;
import org.edgeslice.support.problem.ProblemException;

/**
 * The CISS offloading API (steps 09-11): copies a task (a resource subtree of the IN-CSE: its AE, containers, the
 * latest content instances and copiable subscriptions) into a slice with oneM2M CREATEs, marks it offloaded and sets
 * up its synchronisation: SUBSCRIPTION (a {@code <subscription>} at the slice on every container of the task, whose
 * notifications the CISS applies idempotently) or REDIRECT (cloud retrieves answered by the slice). On return (slice
 * release) a final sync brings everything home.
 */
@ApplicationScoped
public class OffloadService {

    private static final Logger LOG = Logger.getLogger(OffloadService.class.getName());
    static final String SYNC_SUB_PREFIX = "ciss-sync-";
    /** The resource name of the CISS's AE at a slice (the target of its sync subscriptions). */
    static final String SYNC_AE_NAME = "edgeslice-ciss";

    @Inject
    CloudCse cse;

    @Inject
    TaskRepository tasks;

    @Inject
    CloudSettings settings;

    @Resource
    ManagedExecutorService executor;

    private volatile boolean redirectsRestored;

    /** Thrown when a slice does not do what the offload needs; the task is recorded as FAILED. */
    public static class SliceFailure extends ProblemException {
        public SliceFailure(String detail) {
            super(502, "Bad Gateway", detail);
        }
    }

    /** Loads the active REDIRECT tasks into the CISS's redirect table (at start). */
    public synchronized void restoreRedirects() {
        if (redirectsRestored) {
            return;
        }
        for (TaskInfo t : tasks.all()) {
            if (t.syncMode() == SyncMode.REDIRECT && "OFFLOADED".equals(t.state())) {
                cse.redirects().put(redirectOf(t));
            }
        }
        redirectsRestored = true;
    }

    /**
     * Offloads the tasks. Everything is validated before anything changes (400/404/409); a slice that fails
     * makes the task FAILED and the call end with 502.
     *
     * @param callbackBase the cloud platform's base URL as the slice reaches it (sync notifications)
     */
    public List<TaskInfo> offload(OffloadRequest req, String callbackBase) {
        restoreRedirects();
        Map<String, TaskInfo> active = validate(req);
        String sliceCse = req.sliceCseName() == null || req.sliceCseName().isBlank() ? "cse-slice" : req.sliceCseName();
        List<TaskInfo> out = new ArrayList<>();
        for (TaskSpec spec : req.tasks()) {
            String path = normalise(spec.path());
            if (active.containsKey(path)) {
                out.add(active.get(path)); // same slice (validated): offloading again changes nothing
                continue;
            }
            out.add(offloadOne(req.sliceId(), req.sliceEndpoint(), sliceCse, path,
                    spec.syncMode() == null ? SyncMode.SUBSCRIPTION : spec.syncMode(), callbackBase));
        }
        return out;
    }

    /** @return the tasks already active (on this slice) by normalised path */
    private Map<String, TaskInfo> validate(OffloadRequest req) {
        List<String> problems = new ArrayList<>();
        if (req.sliceId() == null || req.sliceId().isBlank()) {
            problems.add("sliceId is required");
        }
        if (req.sliceEndpoint() == null || !validHttpUrl(req.sliceEndpoint())) {
            problems.add("sliceEndpoint must be an http URL, e.g. http://127.0.0.1:40001");
        }
        if (req.tasks() == null || req.tasks().isEmpty()) {
            problems.add("tasks must name at least one task");
        }
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", problems));
        }
        Set<String> seen = new HashSet<>();
        Map<String, TaskInfo> activeOnSlice = new java.util.HashMap<>();
        for (TaskSpec spec : req.tasks()) {
            if (spec == null || spec.path() == null || spec.path().isBlank()) {
                throw ProblemException.badRequest("every task needs a path such as /" + settings.cseName() + "/Cars/CarA");
            }
            if (spec.path().length() > TaskSpec.MAX_PATH_LENGTH) {
                throw ProblemException.badRequest("task paths are at most " + TaskSpec.MAX_PATH_LENGTH
                        + " characters long");
            }
            String path = normalise(spec.path());
            if (!path.startsWith(settings.cseName() + "/")) {
                throw ProblemException.badRequest("task path " + spec.path() + " is not under /" + settings.cseName());
            }
            if (!seen.add(path)) {
                throw ProblemException.badRequest("task " + spec.path() + " is named twice");
            }
            org.edgeslice.onem2m.resource.Resource r = cse.store().getByPath(path).orElseThrow(() ->
                    ProblemException.notFound("no resource " + spec.path() + " in the cloud IN-CSE"));
            if (r.type() != ResourceType.AE && r.type() != ResourceType.CONTAINER) {
                throw ProblemException.badRequest("task " + spec.path() + " is a " + r.type().root()
                        + "; a task is an AE or a container");
            }
            Optional<TaskInfo> active = tasks.activeAt("/" + path); // TaskInfo paths start with '/'
            if (active.isPresent() && !active.get().sliceId().equals(req.sliceId())) {
                throw ProblemException.conflict("task " + spec.path() + " is offloaded to slice "
                        + active.get().sliceId() + " already");
            }
            String inFlight = offloading.get("/" + path);
            if (active.isEmpty() && inFlight != null) {
                throw ProblemException.conflict("task " + spec.path() + " is being offloaded to slice " + inFlight);
            }
            active.ifPresent(t -> activeOnSlice.put(path, t));
        }
        return activeOnSlice;
    }

    private TaskInfo offloadOne(String sliceId, String endpoint, String sliceCse, String path, SyncMode mode,
                                String callbackBase) {
        String taskId = UUID.randomUUID().toString();
        String slicePath = sliceCse + path.substring(settings.cseName().length());
        String now = Instant.now().toString();
        // OFFLOADING is held in memory, not saved: a commit less on the path the device waits for, and a crash
        // while copying leaves no task stuck OFFLOADING that would block the path (the copy is idempotent: asked
        // again, what is at the slice already counts as copied)
        String other = offloading.putIfAbsent("/" + path, sliceId);
        if (other != null) {
            throw ProblemException.conflict("task /" + path + " is being offloaded to slice " + other);
        }
        lastCallbackBase.put(taskId, callbackBase);
        try {
            int copied = copy(sliceId, endpoint, sliceCse, path);
            List<String[]> subscriptions = mode == SyncMode.SUBSCRIPTION
                    ? subscribeTree(taskId, sliceId, endpoint, sliceCse, path, callbackBase) : List.of();
            TaskInfo done = new TaskInfo(taskId, "/" + path, sliceId, mode, "OFFLOADED", slicePath, endpoint, copied,
                    0L, now, null, null);
            tasks.insertOffloaded(done, subscriptions); // one transaction: the task and its sync subscriptions
            if (mode == SyncMode.REDIRECT) {
                cse.redirects().put(redirectOf(done));
            }
            return done;
        } catch (IOException | RuntimeException e) {
            knownAtSlice.remove(sliceId); // what the slice holds is uncertain now
            String why = e instanceof IOException ? "slice unreachable: " + e : e.getMessage();
            tasks.save(new TaskInfo(taskId, "/" + path, sliceId, mode, "FAILED", slicePath, endpoint, 0, 0L, null,
                    null, why));
            LOG.log(Level.WARNING, "offload of " + path + " to slice " + sliceId + " failed", e);
            throw new SliceFailure("offload of /" + path + " to slice " + sliceId + " failed: " + why);
        } finally {
            offloading.remove("/" + path);
        }
    }

    /**
     * Creates the chain from the AE down to the task root and the task's subtree at the slice. Ancestors this CISS
     * created or found at the slice before (an earlier task of the same slice under the same AE: the usual case of
     * path 03-2) are not asked for again; if one has gone meanwhile, the task root's CREATE finds no parent and the
     * whole chain is created as for a new slice.
     */
    private int copy(String sliceId, String endpoint, String sliceCse, String path) throws IOException {
        org.edgeslice.onem2m.resource.Resource root = cse.store().getByPath(path).orElseThrow();
        Deque<org.edgeslice.onem2m.resource.Resource> chain = new ArrayDeque<>();
        for (org.edgeslice.onem2m.resource.Resource r = root; r != null && r.type() != ResourceType.CSE_BASE;
             r = cse.store().get(r.pi()).orElse(null)) {
            chain.addFirst(r);
        }
        Set<String> known = knownAtSlice.computeIfAbsent(sliceId, k -> ConcurrentHashMap.newKeySet());
        int copied = 0;
        boolean ancestorsKnown = chain.size() > 1 && chain.stream().limit(chain.size() - 1L)
                .allMatch(r -> known.contains(r.ri()));
        boolean rootCreated = false;
        if (ancestorsKnown) {
            try {
                rootCreated = ensureAtSlice(endpoint, sliceCse, root);
                copied += rootCreated ? 1 : 0;
            } catch (ParentMissing e) {
                known.clear();
                ancestorsKnown = false;
            }
        }
        if (!ancestorsKnown) {
            for (org.edgeslice.onem2m.resource.Resource r : chain) {
                if (ensureAtSlice(endpoint, sliceCse, r)) {
                    copied++;
                }
            }
        }
        chain.forEach(r -> known.add(r.ri()));
        Deque<org.edgeslice.onem2m.resource.Resource> queue = new ArrayDeque<>(List.of(root));
        int latest = settings.latestInstances();
        while (!queue.isEmpty()) {
            org.edgeslice.onem2m.resource.Resource r = queue.poll();
            for (org.edgeslice.onem2m.resource.Resource child : cse.store().children(r.ri())) {
                if (child.type() == ResourceType.CONTAINER) {
                    if (ensureAtSlice(endpoint, sliceCse, child)) {
                        copied++;
                    }
                    queue.add(child);
                } else if (child.type() == ResourceType.SUBSCRIPTION && !child.rn().startsWith(SYNC_SUB_PREFIX)) {
                    // the cloud application's subscription follows the data; best effort, its nu must verify
                    Onem2mClient.Reply rep = Onem2mClient.create(endpoint, slicePathOf(sliceCse, r), settings.sliceAdmin(),
                            ResourceType.SUBSCRIPTION.ty(), ResourceCopy.forCreate(child.type(), child.attrs()));
                    if (rep.ok()) {
                        copied++;
                    } else {
                        LOG.info(() -> "subscription " + child.path() + " not copied to the slice: " + rep);
                    }
                }
            }
            if (r.type() == ResourceType.CONTAINER) {
                List<org.edgeslice.onem2m.resource.Resource> cins = cse.store().children(r.ri(),
                        ResourceType.CONTENT_INSTANCE);
                for (org.edgeslice.onem2m.resource.Resource cin : cins.subList(Math.max(0, cins.size() - latest),
                        cins.size())) {
                    if (ensureAtSlice(endpoint, sliceCse, cin)) {
                        copied++;
                    }
                }
            }
        }
        return copied;
    }

    /** @return whether it was created (false: it was there already) */
    private boolean ensureAtSlice(String endpoint, String sliceCse, org.edgeslice.onem2m.resource.Resource r)
            throws IOException {
        String parentPath = slicePathOf(sliceCse, cse.store().get(r.pi()).orElseThrow());
        String from = r.type() == ResourceType.AE ? Optional.ofNullable(r.text("aei")).orElse("C" + r.rn())
                : settings.sliceAdmin();
        Onem2mClient.Reply reply = Onem2mClient.create(endpoint, parentPath, from, r.type().ty(),
                ResourceCopy.forCreate(r.type(), r.attrs()));
        if (reply.ok()) {
            return true;
        }
        if (reply.rsc() == ResponseStatusCode.CONFLICT.code() || reply.rsc() == 4117) {
            return false; // there already: an earlier offload of a sibling task, or a retried one
        }
        if (reply.rsc() == ResponseStatusCode.NOT_FOUND.code()) {
            throw new ParentMissing("the slice has no " + parentPath + " to create " + slicePathOf(sliceCse, r)
                    + " in: " + reply);
        }
        throw new SliceFailure("the slice refused to create " + slicePathOf(sliceCse, r) + ": " + reply);
    }

    private String slicePathOf(String sliceCse, org.edgeslice.onem2m.resource.Resource r) {
        return r.type() == ResourceType.CSE_BASE ? sliceCse : sliceCse + r.path().substring(settings.cseName().length());
    }

    /** @return the sync subscriptions created, each {subRi, cloudPath, slicePath}, for the caller to record */
    private List<String[]> subscribeTree(String taskId, String sliceId, String endpoint, String sliceCse, String path,
                                         String callbackBase) throws IOException {
        List<String[]> created = new ArrayList<>();
        Deque<org.edgeslice.onem2m.resource.Resource> queue = new ArrayDeque<>();
        queue.add(cse.store().getByPath(path).orElseThrow());
        while (!queue.isEmpty()) {
            org.edgeslice.onem2m.resource.Resource r = queue.poll();
            String slicePath = slicePathOf(sliceCse, r);
            created.add(new String[] {subscribe(taskId, sliceId, endpoint, slicePath, callbackBase), r.path(),
                    slicePath});
            cse.store().children(r.ri(), ResourceType.CONTAINER).forEach(queue::add);
        }
        return created;
    }

    /** Subscribes and records the subscription at once (a container created at the slice later). */
    private void subscribeAndRecord(String taskId, String sliceId, String endpoint, String slicePath, String cloudPath,
                                    String callbackBase) throws IOException {
        tasks.addSubscription(taskId, subscribe(taskId, sliceId, endpoint, slicePath, callbackBase), cloudPath,
                slicePath);
    }

    /**
     * Creates a sync subscription at the slice. Its notification target is the CISS's AE at the slice (see
     * {@link #syncTarget}) and the CISS is the originator, so the slice does not verify the target (TS-0004
     * §7.3.8.2.1: no verification when the target is the originator itself): no round trip from the slice back to
     * the cloud while the device waits. Where that AE cannot be had, the target is this task's notification URL,
     * which the slice verifies.
     *
     * @return the subscription's resource id at the slice
     */
    private String subscribe(String taskId, String sliceId, String endpoint, String slicePath, String callbackBase)
            throws IOException {
        String sliceCse = slicePath.contains("/") ? slicePath.substring(0, slicePath.indexOf('/')) : slicePath;
        String nu = syncTarget(sliceId, endpoint, sliceCse, callbackBase)
                .orElse(callbackBase + "/ciss/v1/tasks/" + taskId + "/notifications");
        ObjectNode sub = Json.object();
        ObjectNode inner = sub.putObject("m2m:sub");
        inner.put("rn", SYNC_SUB_PREFIX + taskId);
        inner.putArray("nu").add(nu);
        inner.putObject("enc").putArray("net").add(1).add(2).add(3).add(4);
        inner.put("nct", 1);
        Onem2mClient.Reply reply = Onem2mClient.create(endpoint, slicePath, settings.sliceAdmin(),
                ResourceType.SUBSCRIPTION.ty(), sub);
        if (!reply.ok()) {
            throw new SliceFailure("the slice refused the sync subscription on " + slicePath + ": " + reply);
        }
        String ri = reply.json().path("m2m:sub").path("ri").asText(null);
        if (ri == null) {
            throw new SliceFailure("the slice answered a subscription CREATE without ri: " + reply);
        }
        return ri;
    }

    /**
     * The CISS's AE at a slice (AE-ID = the slice admin originator the CISS acts as, {@code poa} = this slice's
     * notification receiver {@code {callbackBase}/ciss/v1/slices/{sliceId}/notifications}), registered once per
     * slice and process: its AE-ID is the {@code nu} of the sync subscriptions. Empty (then a URL is the target) if
     * the slice does not take it, or if a device AE of the cloud has that AE-ID and could be offloaded there.
     */
    private Optional<String> syncTarget(String sliceId, String endpoint, String sliceCse, String callbackBase)
            throws IOException {
        String admin = settings.sliceAdmin();
        String poa = callbackBase + "/ciss/v1/slices/" + sliceId + "/notifications";
        if (poa.equals(syncAes.get(sliceId))) {
            return Optional.of(admin);
        }
        if (cse.store().get(admin).isPresent()) {
            return Optional.empty();
        }
        ObjectNode ae = Json.object();
        ObjectNode inner = ae.putObject("m2m:ae");
        inner.put("rn", SYNC_AE_NAME);
        inner.put("api", "Nedgeslice.ciss");
        inner.put("rr", true);
        inner.putArray("srv").add("3");
        inner.putArray("poa").add(poa);
        Onem2mClient.Reply reply = Onem2mClient.create(endpoint, sliceCse, admin,
                ResourceType.AE.ty(), ae);
        if (!reply.ok()) {
            // registered before (by this CISS before a restart): point it at this receiver
            ObjectNode update = Json.object();
            update.putObject("m2m:ae").putArray("poa").add(poa);
            Onem2mClient.Reply updated = Onem2mClient.update(endpoint, sliceCse + "/" + SYNC_AE_NAME,
                    admin, update);
            if (!updated.ok()) {
                LOG.info(() -> "no sync AE at slice " + sliceId + " (" + reply + "; " + updated
                        + "): sync subscriptions notify a URL, verified by the slice");
                return Optional.empty();
            }
        }
        syncAes.put(sliceId, poa);
        return Optional.of(admin);
    }

    /**
     * Applies one notification from a slice (sync mode SUBSCRIPTION), idempotently: a content instance that exists
     * already (same name) is not created twice, a deleted one that is gone already is fine.
     *
     * @return the oneM2M RSC to answer the slice with
     */
    public int applyNotification(String taskId, JsonNode body) {
        Optional<TaskInfo> task = tasks.find(taskId);
        if (task.isEmpty()) {
            return ResponseStatusCode.NOT_FOUND.code();
        }
        JsonNode sgn = body.has("m2m:sgn") ? body.get("m2m:sgn") : body;
        if (sgn.path("vrq").asBoolean(false) || sgn.path("sud").asBoolean(false)) {
            return ResponseStatusCode.OK.code(); // verification of our own subscription, or its deletion
        }
        String sur = sgn.path("sur").asText("");
        String subRi = sur.substring(sur.lastIndexOf('/') + 1);
        Optional<String[]> mapping = tasks.subscription(taskId, subRi);
        if (mapping.isEmpty()) {
            return ResponseStatusCode.NOT_FOUND.code();
        }
        String cloudPath = mapping.get()[0];
        String slicePath = mapping.get()[1];
        JsonNode nev = sgn.path("nev");
        int net = nev.path("net").asInt(1);
        JsonNode rep = nev.path("rep");
        ResourceType type = ResourceCopy.typeOf(rep);
        JsonNode attrs = type == null ? null : rep.get(type.root());
        String admin = settings.cseAdmin();
        Response result = null;
        switch (net) {
            case 3 -> {
                if (type == null || !ResourceCopy.copiable(type) || type == ResourceType.SUBSCRIPTION
                        || type == ResourceType.AE) {
                    return ResponseStatusCode.OK.code();
                }
                result = cse.engine().handle(Request.create(cloudPath, admin, type.ty(),
                        ResourceCopy.forCreate(type, attrs)));
                if (type == ResourceType.CONTAINER && result.rsc() == ResponseStatusCode.CREATED) {
                    String rn = attrs.path("rn").asText();
                    TaskInfo t = task.get();
                    String base = callbackBaseOf(t, taskId);
                    executor.execute(() -> {
                        try {
                            subscribeAndRecord(taskId, t.sliceId(), t.sliceEndpoint(), slicePath + "/" + rn,
                                    cloudPath + "/" + rn, base);
                        } catch (IOException | RuntimeException e) {
                            LOG.log(Level.WARNING, "cannot subscribe to the new container " + slicePath + "/" + rn, e);
                        }
                    });
                }
            }
            case 4 -> {
                if (type != null && attrs.hasNonNull("rn")) {
                    result = cse.engine().handle(Request.delete(cloudPath + "/" + attrs.get("rn").asText(), admin));
                }
            }
            case 1 -> {
                ObjectNode update = type == null ? null : ResourceCopy.forUpdate(type, attrs);
                if (update != null) {
                    result = cse.engine().handle(Request.update(cloudPath, admin, update));
                }
            }
            case 2 -> result = cse.engine().handle(Request.delete(cloudPath, admin));
            default -> {
                return ResponseStatusCode.OK.code();
            }
        }
        cse.store().awaitDurable();
        if (result != null && result.rsc().code() >= 4000 && result.rsc() != ResponseStatusCode.CONFLICT
                && result.rsc() != ResponseStatusCode.NOT_FOUND) {
            String why = String.valueOf(result.content());
            LOG.warning(() -> "sync of task " + taskId + " (net " + net + ") not applied: " + why);
            return result.rsc().code();
        }
        tasks.recordSync(taskId, Instant.now().toString());
        return ResponseStatusCode.OK.code();
    }

    /** Where this task's sync notifications go: as given at offload; after a restart, cloud.callback.url. */
    private String callbackBaseOf(TaskInfo t, String taskId) {
        return lastCallbackBase.getOrDefault(taskId, settings.callbackUrl().orElse("http://127.0.0.1:18080/cloud"));
    }

    private final Map<String, String> lastCallbackBase = new java.util.concurrent.ConcurrentHashMap<>();

    /** Cloud paths ({@code /in-cse/...}) being offloaded now, with their slice: the OFFLOADING state. */
    private final Map<String, String> offloading = new ConcurrentHashMap<>();

    /** Per slice: ids of cloud resources this CISS has at that slice (created or found there). */
    private final Map<String, Set<String>> knownAtSlice = new ConcurrentHashMap<>();

    /** Per slice: the poa its sync AE was registered or updated with by this process. */
    private final Map<String, String> syncAes = new ConcurrentHashMap<>();

    /** The slice has no parent for a CREATE (4004): what this CISS believed to be there is gone. */
    private static final class ParentMissing extends SliceFailure {
        ParentMissing(String detail) {
            super(detail);
        }
    }

    /**
     * A notification from a slice's sync subscription, sent to the CISS's AE there (poa per slice): the task is
     * found by the subscription ({@code sur}), then applied as {@link #applyNotification}.
     */
    public int applySliceNotification(String sliceId, JsonNode body) {
        JsonNode sgn = body.has("m2m:sgn") ? body.get("m2m:sgn") : body;
        if (sgn.path("vrq").asBoolean(false) || sgn.path("sud").asBoolean(false)) {
            return ResponseStatusCode.OK.code();
        }
        String sur = sgn.path("sur").asText("");
        Optional<String> taskId = tasks.taskOfSubscription(sliceId, sur.substring(sur.lastIndexOf('/') + 1));
        return taskId.map(t -> applyNotification(t, body)).orElse(ResponseStatusCode.NOT_FOUND.code());
    }

    /**
     * Final sync and return (slice release): for every active task of the slice, whatever the slice holds that the
     * cloud lacks is created in the cloud (discovery at the slice, then a RETRIEVE per resource), the redirect ends
     * and the task is RETURNED. A slice that cannot be read (unreachable, or without the retrieve function) leaves
     * the cloud copy as it is; the task's detail says so.
     */
    public List<TaskInfo> returnHome(String sliceId) {
        restoreRedirects();
        knownAtSlice.remove(sliceId);
        syncAes.remove(sliceId);
        List<TaskInfo> out = new ArrayList<>();
        for (TaskInfo t : tasks.ofSlice(sliceId)) {
            if (!"OFFLOADED".equals(t.state()) && !"OFFLOADING".equals(t.state())) {
                out.add(t);
                continue;
            }
            String detail;
            int brought = 0;
            try {
                brought = finalSync(t);
                detail = "final sync: " + brought + " resource(s) brought home";
            } catch (IOException | RuntimeException e) {
                detail = "final sync incomplete: " + e.getMessage();
                LOG.log(Level.WARNING, "final sync of task " + t.taskId() + " incomplete", e);
            }
            cse.redirects().remove(t.path().substring(1));
            TaskInfo back = new TaskInfo(t.taskId(), t.path(), t.sliceId(), t.syncMode(), "RETURNED", t.slicePath(),
                    t.sliceEndpoint(), t.copiedResources(), (t.syncedChanges() == null ? 0 : t.syncedChanges()) + brought,
                    t.offloadedAt(), Instant.now().toString(), detail);
            tasks.save(back);
            out.add(back);
        }
        return out;
    }

    private int finalSync(TaskInfo t) throws IOException {
        String admin = settings.sliceAdmin();
        Onem2mClient.Reply disc = Onem2mClient.retrieve(t.sliceEndpoint(), t.slicePath(), "fu=1&drt=1", admin);
        if (!disc.ok()) {
            throw new SliceFailure("discovery at the slice failed: " + disc);
        }
        List<String> paths = new ArrayList<>();
        disc.json().path("m2m:uril").forEach(n -> paths.add(n.asText()));
        // parents before children
        paths.sort(Comparator.comparingInt((String p) -> p.split("/").length).thenComparing(p -> p));
        String cloudRoot = t.path().substring(1);
        String sliceRoot = t.slicePath();
        int brought = 0;
        for (String p : paths) {
            String rel = p.startsWith("/") ? p.substring(1) : p;
            if (!rel.startsWith(sliceRoot + "/")) {
                continue;
            }
            String cloudPath = cloudRoot + rel.substring(sliceRoot.length());
            if (cse.store().getByPath(cloudPath).isPresent()) {
                continue;
            }
            Onem2mClient.Reply r = Onem2mClient.retrieve(t.sliceEndpoint(), rel, null, admin);
            if (!r.ok()) {
                continue;
            }
            ResourceType type = ResourceCopy.typeOf(r.json());
            if (type == null || type == ResourceType.SUBSCRIPTION || !ResourceCopy.copiable(type)) {
                continue;
            }
            String parent = cloudPath.substring(0, cloudPath.lastIndexOf('/'));
            Response created = cse.engine().handle(Request.create(parent, settings.cseAdmin(), type.ty(),
                    ResourceCopy.forCreate(type, r.json().get(type.root()))));
            if (created.rsc() == ResponseStatusCode.CREATED) {
                brought++;
            }
        }
        cse.store().awaitDurable();
        return brought;
    }

    public List<TaskInfo> all(String sliceId) {
        return sliceId == null ? tasks.all() : tasks.ofSlice(sliceId);
    }

    /** The slice a cloud path ({@code /in-cse/...}) is offloaded to or being offloaded to, if any. */
    public Optional<String> activeSliceOf(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        Optional<String> saved = tasks.activeAt(p).map(TaskInfo::sliceId);
        return saved.isPresent() ? saved : Optional.ofNullable(offloading.get(p));
    }

    public Optional<TaskInfo> find(String taskId) {
        return tasks.find(taskId);
    }

    private RedirectTable.Redirect redirectOf(TaskInfo t) {
        return new RedirectTable.Redirect(t.taskId(), t.path().substring(1), t.sliceEndpoint(), t.slicePath());
    }

    private String normalise(String path) {
        String p = path.trim();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static boolean validHttpUrl(String s) {
        try {
            URI u = URI.create(s);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
