package org.edgeslice.meo.lcm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.mec010.host.MecHostInfo;
import org.edgeslice.contract.mec010.lcm.CreateAppInstanceRequest;
import org.edgeslice.contract.mec010.lcm.InstantiateAppRequest;
import org.edgeslice.contract.mec010.lcm.OperateAppRequest;
import org.edgeslice.contract.mec010.lcm.OperationState;
import org.edgeslice.contract.mec010.lcm.TerminateAppRequest;

/**
 * An in-process MEPM with the Mm3 semantics (idempotent create, 409 on a task in the wrong state) whose
 * behaviour a test scripts: reachable or not, operations completing or failing, and a "crash" of the MEO at a
 * chosen point (an Error that escapes the orchestrator like a process death would cut it short).
 */
final class ScriptedMepm implements MepmGateway {

    static final class Crash extends Error {
        Crash(String where) {
            super("MEO crashed " + where);
        }
    }

    final Map<String, String[]> instances = new ConcurrentHashMap<>();   // id -> {instantiationState, operationalState}
    final Map<String, OperationState> ops = new ConcurrentHashMap<>();
    final List<String> calls = new ArrayList<>();
    volatile boolean down;
    volatile OperationState outcome = OperationState.COMPLETED;
    volatile boolean crashAfterTaskAccepted;
    volatile boolean crashWhilePolling;

    private synchronized void call(String what) {
        calls.add(what);
        if (down) {
            throw new MepmException("connection refused (scripted)");
        }
    }

    synchronized long count(String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }

    @Override
    public void ensureInstance(MecHostInfo host, CreateAppInstanceRequest request) {
        call("create " + request.appInstanceId());
        instances.putIfAbsent(request.appInstanceId(), new String[] {"NOT_INSTANTIATED", null});
    }

    @Override
    public Delegation instantiate(MecHostInfo host, String id, InstantiateAppRequest request) {
        call("instantiate " + id + " on " + request.selectedMECHostInfo().get(0).hostId());
        return task(id, "NOT_INSTANTIATED", new String[] {"INSTANTIATED", "STARTED"});
    }

    @Override
    public Delegation terminate(MecHostInfo host, String id, TerminateAppRequest request) {
        call("terminate " + id);
        if (!instances.containsKey(id)) {
            return new Delegation(null, new ProblemDetails(null, null, 404, "unknown", null));
        }
        return task(id, "INSTANTIATED", new String[] {"NOT_INSTANTIATED", null});
    }

    @Override
    public Delegation operate(MecHostInfo host, String id, OperateAppRequest request) {
        call("operate " + id + " " + request.changeStateTo());
        return task(id, "INSTANTIATED", new String[] {"INSTANTIATED", request.changeStateTo().name()});
    }

    private Delegation task(String id, String requiredState, String[] after) {
        String[] state = instances.get(id);
        if (state == null || !state[0].equals(requiredState)) {
            return new Delegation(null, new ProblemDetails(null, "Conflict", 409, "wrong state", null));
        }
        String opId = "mepm-op-" + (ops.size() + 1);
        if (outcome == OperationState.COMPLETED) {
            instances.put(id, after);
        }
        ops.put(opId, outcome);
        if (crashAfterTaskAccepted) {
            crashAfterTaskAccepted = false;
            throw new Crash("after the MEPM accepted " + opId);
        }
        return new Delegation(opId, null);
    }

    @Override
    public RemoteOp opOcc(MecHostInfo host, String mepmOpOccId) {
        call("poll " + mepmOpOccId);
        if (crashWhilePolling) {
            crashWhilePolling = false;
            throw new Crash("while following " + mepmOpOccId);
        }
        OperationState s = ops.get(mepmOpOccId);
        return new RemoteOp(s, s == OperationState.COMPLETED || s == OperationState.PROCESSING ? null
                : new ProblemDetails(null, "failed", 500, "image pull failed (scripted)", null));
    }

    @Override
    public RemoteInstance instance(MecHostInfo host, String id) {
        call("get " + id);
        String[] s = instances.get(id);
        return s == null ? new RemoteInstance(null, null) : new RemoteInstance(s[0], s[1]);
    }

    @Override
    public void cancel(MecHostInfo host, String mepmOpOccId) {
        calls.add("cancel " + mepmOpOccId);
    }

    @Override
    public void deleteInstance(MecHostInfo host, String id) {
        call("delete " + id);
        instances.remove(id);
    }
}
