package org.edgeslice.cloud.iscl;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;
import org.edgeslice.contract.cloud.SliceInfo;

/**
 * Keeps the entire view true to the MEO (AppInstanceStateChange notifications): a READY slice whose instance the MEO
 * reports STOPPED becomes STOPPED (and READY again when STARTED); one reported NOT_INSTANTIATED while the ISS did not
 * release it becomes FAILED. Slices being released or released are left alone.
 */
@ApplicationScoped
public class SliceStates {

    private static final Logger LOG = Logger.getLogger(SliceStates.class.getName());

    @Inject
    IsclRepository repository;

    public void instanceStateChanged(String appInstanceId, String instanceState) {
        repository.sliceByIdOrAppInstance(appInstanceId).ifPresent(s -> {
            String next = switch (instanceState) {
                case "STOPPED" -> "READY".equals(s.state()) ? "STOPPED" : null;
                case "STARTED" -> "STOPPED".equals(s.state()) ? "READY" : null;
                case "NOT_INSTANTIATED" -> "READY".equals(s.state()) || "STOPPED".equals(s.state()) ? "FAILED" : null;
                default -> null;
            };
            if (next != null) {
                LOG.info(() -> "slice " + s.sliceId() + ": " + s.state() + " -> " + next + " (MEO reports " + instanceState + ")");
                repository.save(new SliceInfo(s.sliceId(), next, s.functions(), s.image(), s.appDId(), s.appPkgId(),
                        s.appInstanceId(), s.hostId(), s.endpoints(), s.cseId(), s.cseName(), s.tasks(), s.createdAt(),
                        "the MEO reported the app instance " + instanceState + " at " + Instant.now(), s.links()));
            }
        });
    }
}
