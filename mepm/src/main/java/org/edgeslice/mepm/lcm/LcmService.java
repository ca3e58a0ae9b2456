package org.edgeslice.mepm.lcm;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.edgeslice.contract.mec010.lcm.CreateAppInstanceRequest;
import org.edgeslice.contract.mec010.lcm.InstantiateAppRequest;
import org.edgeslice.contract.mec010.lcm.InstantiationState;
import org.edgeslice.contract.mec010.lcm.LcmOperation;
import org.edgeslice.contract.mec010.lcm.OperateAppRequest;
import org.edgeslice.contract.mec010.lcm.OperationState;
import org.edgeslice.contract.mec010.lcm.TerminateAppRequest;
import org.edgeslice.contract.mec010.pkgm.AppD;
import org.edgeslice.mepm.http.JsonHttp;
import org.edgeslice.mepm.notify.Notifier;
import org.edgeslice.mepm.pkg.PackageService;
import org.edgeslice.support.json.Json;
import org.edgeslice.support.problem.ProblemException;

/**
 * The synchronous half of the Mm3 lifecycle: checks a request against the instance's state, records the
 * operation occurrence (STARTING) and hands it to {@link LcmRunner}. Every refusal leaves nothing changed.
 */
@ApplicationScoped
public class LcmService {

    @Inject
    InstanceRepository instances;

    @Inject
    OpOccRepository ops;

    @Inject
    PortRepository ports;

    @Inject
    PackageService packages;

    @Inject
    Notifier notifier;

    @Inject
    LcmRunner runner;

    public AppInstanceEntity instance(String id) {
        return instances.find(id).orElseThrow(() -> ProblemException.notFound("no app instance " + id));
    }

    public List<AppInstanceEntity> instances() {
        return instances.findAll();
    }

    public OpOccEntity op(String id) {
        return ops.find(id).orElseThrow(() -> ProblemException.notFound("no app LCM operation occurrence " + id));
    }

    public List<OpOccEntity> ops() {
        return ops.findAll();
    }

    /** ETSI GS MEC 010-2 AppInstances POST: the AppD must be known to the host or the MEO. */
    public synchronized AppInstanceEntity create(CreateAppInstanceRequest req) {
        if (req.appDId() == null || req.appDId().isBlank()) {
            throw ProblemException.badRequest("appDId is required");
        }
        if (req.appInstanceId() != null && (req.appInstanceId().isBlank() || !req.appInstanceId().matches("[A-Za-z0-9_.-]{1,64}"))) {
            throw ProblemException.badRequest("appInstanceId must be 1-64 characters of [A-Za-z0-9_.-]");
        }
        if (req.appInstanceId() != null && instances.find(req.appInstanceId()).isPresent()) {
            throw ProblemException.conflict("app instance " + req.appInstanceId() + " exists already");
        }
        AppD appD;
        try {
            appD = packages.appD(req.appDId()).orElseThrow(() -> ProblemException.conflict(
                    "the AppD " + req.appDId() + " is not onboarded at the MEO"));
        } catch (JsonHttp.PeerException e) {
            throw new ProblemException(503, "Service Unavailable", "cannot fetch the AppD from the MEO: " + e.getMessage());
        }
        AppInstanceEntity e = new AppInstanceEntity();
        e.id = req.appInstanceId() != null ? req.appInstanceId() : UUID.randomUUID().toString();
        e.appDId = appD.appDId();
        e.appPkgId = appD.appDId();
        e.appName = appD.appName();
        e.appProvider = appD.appProvider();
        e.appSoftVersion = appD.appSoftVersion();
        e.appDVersion = appD.appDVersion();
        e.instanceName = req.appInstanceName();
        e.instanceDescription = req.appInstanceDescription();
        e.instantiationState = InstantiationState.NOT_INSTANTIATED;
        instances.insert(e);
        notifier.identifier(e, true);
        return e;
    }

    /** ETSI GS MEC 010-2 AppInstance DELETE: only when NOT_INSTANTIATED. */
    public synchronized void delete(String id) {
        AppInstanceEntity e = instance(id);
        if (e.instantiationState != InstantiationState.NOT_INSTANTIATED) {
            throw ProblemException.conflict("app instance " + id + " is INSTANTIATED: terminate it first");
        }
        ops.active(id).ifPresent(o -> {
            throw ProblemException.conflict("operation " + o.id + " is in progress on " + id);
        });
        ports.release(id);
        instances.delete(id);
        notifier.identifier(e, false);
    }

    public synchronized OpOccEntity instantiate(String id, InstantiateAppRequest req) {
        AppInstanceEntity e = instance(id);
        if (e.instantiationState == InstantiationState.INSTANTIATED) {
            throw ProblemException.conflict("app instance " + id + " is already INSTANTIATED");
        }
        return start(e, LcmOperation.INSTANTIATE, req);
    }

    public synchronized OpOccEntity operate(String id, OperateAppRequest req) {
        AppInstanceEntity e = instance(id);
        if (req.changeStateTo() == null) {
            throw ProblemException.badRequest("changeStateTo is required");
        }
        if (e.instantiationState != InstantiationState.INSTANTIATED) {
            throw ProblemException.conflict("app instance " + id + " is NOT_INSTANTIATED");
        }
        if (e.operationalState == req.changeStateTo()) {
            throw ProblemException.conflict("app instance " + id + " is already " + req.changeStateTo());
        }
        return start(e, LcmOperation.OPERATE, req);
    }

    public synchronized OpOccEntity terminate(String id, TerminateAppRequest req) {
        AppInstanceEntity e = instance(id);
        if (req.terminationType() == null) {
            throw ProblemException.badRequest("terminationType is required");
        }
        if (e.instantiationState != InstantiationState.INSTANTIATED) {
            throw ProblemException.conflict("app instance " + id + " is NOT_INSTANTIATED");
        }
        return start(e, LcmOperation.TERMINATE, req);
    }

    /** configure_platform_for_app: pushes the AppD's platform configuration to the MEC platform again (async). */
    public synchronized void configurePlatform(String id) {
        AppInstanceEntity e = instance(id);
        if (e.instantiationState != InstantiationState.INSTANTIATED) {
            throw ProblemException.conflict("app instance " + id + " is NOT_INSTANTIATED: its platform configuration is made at instantiation");
        }
        runner.reconfigure(id);
    }

    private OpOccEntity start(AppInstanceEntity e, LcmOperation operation, Object params) {
        ops.active(e.id).ifPresent(o -> {
            throw ProblemException.conflict("operation " + o.id + " (" + o.operation.name() + ") is in progress on " + e.id);
        });
        OpOccEntity op = new OpOccEntity();
        op.id = UUID.randomUUID().toString();
        op.appInstanceId = e.id;
        op.operation = operation;
        op.state = OperationState.STARTING;
        op.startTime = System.currentTimeMillis();
        op.stateEnteredTime = op.startTime;
        try {
            op.paramsJson = Json.mapper().writeValueAsString(params);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        ops.insert(op);
        notifier.opStateChanged(op, e);
        runner.submit(op.id);
        return op;
    }
}
