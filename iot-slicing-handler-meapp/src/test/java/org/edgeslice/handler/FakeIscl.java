package org.edgeslice.handler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.edgeslice.handler.iscl.IsclClient;
import org.edgeslice.handler.iscl.IsclException;
import org.edgeslice.handler.iscl.IsclOutcome;
import org.edgeslice.handler.iscl.IsclProgress;
import org.edgeslice.handler.iscl.IsclRequest;
import org.edgeslice.handler.request.SlicingPath;
import org.edgeslice.handler.request.StepRecord;
import org.edgeslice.handler.slice.SliceEntry;

/** An ISCL in memory: creates a slice per SLICING request (all the asked functions), reuses it for OFFLOADING_ONLY. */
final class FakeIscl implements IsclClient {
    final List<IsclRequest> submitted = new CopyOnWriteArrayList<>();
    final List<String> followed = new CopyOnWriteArrayList<>();
    final List<SliceEntry> released = new CopyOnWriteArrayList<>();
    final AtomicInteger slices = new AtomicInteger();
    final AtomicInteger releaseAttempts = new AtomicInteger();
    volatile CountDownLatch gate = null;
    /** Released each time a submission reaches the gate, after all the progress it reports before it. */
    final java.util.concurrent.Semaphore atGate = new java.util.concurrent.Semaphore(0);
    volatile String failWith = null;
    volatile boolean failRelease = false;
    volatile int refuseOffloadingOnlyWith = 0;
    /** OFFLOADING_ONLY answered as an ISCL applying Prefer: wait does: the outcome comes with the acceptance. */
    volatile boolean offloadingOutcomeWithAnswer = false;

    @Override
    public IsclOutcome submit(IsclRequest request, IsclProgress progress) {
        submitted.add(request);
        if (failWith != null) {
            throw new IsclException(failWith);
        }
        if (request.path() == SlicingPath.OFFLOADING_ONLY && refuseOffloadingOnlyWith != 0) {
            throw new IsclException("slice unknown or not READY", refuseOffloadingOnlyWith);
        }
        if (request.path() == SlicingPath.OFFLOADING_ONLY && offloadingOutcomeWithAnswer) {
            awaitGate();
            progress.acceptedWithOutcome("http://127.0.0.1:1/cloud/iscl/v1/slicing_requests/"
                    + request.handlerRequestId());
            return outcome(request.path(), request.slice(), request.device().functions());
        }
        progress.accepted("http://127.0.0.1:1/cloud/iscl/v1/slicing_requests/" + request.handlerRequestId());
        progress.steps(List.of(step("04", "ISCL structures the request")));
        awaitGate();
        return outcome(request.path(), request.slice(), request.device().functions());
    }

    @Override
    public IsclOutcome follow(String reference, IsclProgress progress) {
        followed.add(reference);
        return outcome(SlicingPath.SLICING, null, List.of("registration", "retrieve"));
    }

    @Override
    public void release(SliceEntry slice) {
        releaseAttempts.incrementAndGet();
        if (failRelease) {
            throw new IsclException("release refused");
        }
        released.add(slice);
    }

    private void awaitGate() {
        CountDownLatch g = gate;
        if (g != null) {
            atGate.release();
            try {
                g.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private IsclOutcome outcome(SlicingPath path, String sliceId, List<String> functions) {
        List<StepRecord> steps = new ArrayList<>();
        String id = sliceId;
        if (path == SlicingPath.SLICING) {
            id = "slice-" + slices.incrementAndGet();
            for (String n : List.of("04", "05", "06", "07", "08")) {
                steps.add(step(n, "step " + n));
            }
            steps.set(1, new StepRecord("05", "ISS -> MEO", StepRecord.SUCCEEDED, Instant.now().toString(),
                    Instant.now().toString(), 1L, null, Map.of("appInstanceId", "app-" + id, "appLcmOpOccId", "op-1",
                    "hostId", "host-1")));
        }
        for (String n : List.of("09", "10", "11", "12")) {
            steps.add(step(n, "step " + n));
        }
        int base = 40000 + 10 * (id.matches("slice-\\d+") ? Integer.parseInt(id.substring(6))
                : Math.abs(id.hashCode() % 1000));
        String app = id.startsWith("slice-") ? "app-" + id : id;
        SliceEntry slice = new SliceEntry(app, id.startsWith("slice-") ? id : null, null, Set.copyOf(functions),
                Map.of("http", "http://127.0.0.1:" + base, "registration", "http://127.0.0.1:" + (base + 1),
                        "retrieve", "http://127.0.0.1:" + (base + 2), "subscription", "http://127.0.0.1:" + (base + 3),
                        "notification", "http://127.0.0.1:" + (base + 4)),
                Map.of(), Set.of(), null, false, "/id-" + id, "cse-" + id);
        return new IsclOutcome(true, steps, slice, path == SlicingPath.SLICING ? functions : List.of(), null);
    }

    private static StepRecord step(String n, String name) {
        return new StepRecord(n, name, StepRecord.SUCCEEDED, Instant.now().toString(), Instant.now().toString(), 0L,
                null, null);
    }
}
