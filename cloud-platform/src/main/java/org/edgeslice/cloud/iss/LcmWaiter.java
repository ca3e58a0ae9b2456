package org.edgeslice.cloud.iss;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.edgeslice.cloud.meo.MeoClient;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionRequest;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionType;

/**
 * How the ISS learns that an LCM operation occurrence finished (step 08): the MEO's
 * {@code AppLcmOpOccNotification}s on the ISS's subscription (ETSI GS MEC 010-2 AppLcmOpOccStateChangeSubscription),
 * with polling of {@code app_lcm_op_occs/{id}} as the fallback when a notification is late or lost.
 */
@ApplicationScoped
public class LcmWaiter {

    private static final Logger LOG = Logger.getLogger(LcmWaiter.class.getName());
    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "FAILED_TEMP", "ROLLED_BACK");

    private final Map<String, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();
    private final Map<String, String> subscriptions = new ConcurrentHashMap<>();

    /** How an operation ended and how the ISS learned it. */
    public record Outcome(String state, String learnedBy, String error) {
    }

    /** Subscribes once per MEO and callback URL; a failure leaves polling alone to do the job. */
    public String ensureSubscribed(MeoClient meo, String callbackBase) {
        String key = meo.apiRoot() + " " + callbackBase;
        return subscriptions.computeIfAbsent(key, k -> {
            String callback = callbackBase + "/iss/v1/lcm_notifications";
            try {
                // after a restart of the cloud platform: reuse the subscription made before (SubscriptionLinkList,
                // then each AppLcmOpOcc subscription's callbackUri)
                for (JsonNode link : meo.subscriptions().path("_links").path("subscriptions")) {
                    if (!link.path("subscriptionType").asText().startsWith("AppLcmOpOcc")) {
                        continue;
                    }
                    String href = link.path("href").asText();
                    String id = href.substring(href.lastIndexOf('/') + 1);
                    if (callback.equals(meo.get("/app_lcm/v1/subscriptions/" + id).path("callbackUri").asText())) {
                        return id;
                    }
                }
            } catch (RuntimeException e) {
                LOG.fine(() -> "cannot list the MEO's LCM subscriptions: " + e.getMessage());
            }
            try {
                return meo.subscribe(new LcmSubscriptionRequest.AppLcmOpOccSubscriptionRequest(
                        LcmSubscriptionType.AppLcmOpOccStateChangeSubscription,
                        callback, null));
            } catch (RuntimeException e) {
                LOG.warning(() -> "no LCM subscription at the MEO (polling only): " + e.getMessage());
                return null;
            }
        });
    }

    /**
     * Subscribes once per MEO and callback URL to AppInstanceStateChange notifications too, so that the entire view
     * follows an instance the MEO stops, starts or terminates outside the ISS. Failure is logged only.
     */
    public void ensureInstanceSubscription(MeoClient meo, String callbackBase) {
        String key = meo.apiRoot() + " " + callbackBase + " instances";
        instanceSubscriptions.computeIfAbsent(key, k -> {
            try {
                return meo.subscribe(new LcmSubscriptionRequest.AppInstSubscriptionRequest(
                        LcmSubscriptionType.AppInstanceStateChangeSubscription,
                        callbackBase + "/iss/v1/lcm_notifications", null, null));
            } catch (RuntimeException e) {
                LOG.warning(() -> "no instance state subscription at the MEO: " + e.getMessage());
                return null;
            }
        });
    }

    private final Map<String, String> instanceSubscriptions = new ConcurrentHashMap<>();

    /** An AppLcmOpOccNotification arrived. */
    public void notified(JsonNode notification) {
        String opId = notification.path("appLcmOpOccId").asText(null);
        String state = notification.hasNonNull("operationState") ? notification.path("operationState").asText()
                : notification.path("notificationType").asText(null);
        if (opId != null && state != null && FINAL.contains(state)) {
            waiting.computeIfAbsent(opId, k -> new CompletableFuture<>()).complete(state);
        }
    }

    /** Waits for the final state of an operation occurrence. */
    public Outcome await(MeoClient meo, String opId, long timeoutSeconds) {
        CompletableFuture<String> f = waiting.computeIfAbsent(opId, k -> new CompletableFuture<>());
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000;
        try {
            while (System.currentTimeMillis() < deadline) {
                try {
                    String state = f.get(1500, TimeUnit.MILLISECONDS);
                    return new Outcome(state, "notification", error(meo, opId, state));
                } catch (TimeoutException e) {
                    JsonNode occ = meo.opOcc(opId);
                    String state = occ.path("operationState").asText();
                    if (FINAL.contains(state)) {
                        return new Outcome(state, "polling", occ.path("error").path("detail").asText(null));
                    }
                }
            }
            throw new IllegalStateException("operation occurrence " + opId + " did not finish within "
                    + timeoutSeconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            waiting.remove(opId);
        }
    }

    private static String error(MeoClient meo, String opId, String state) {
        if ("COMPLETED".equals(state)) {
            return null;
        }
        try {
            return meo.opOcc(opId).path("error").path("detail").asText(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
