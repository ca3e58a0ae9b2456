package org.edgeslice.handler.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A device's slicing request as the handler keeps it (immutable; every change makes a new value that is persisted
 * before anyone sees it).
 *
 * @param isclRequest URI of the ISCL's slicing request resource, once the ISCL accepted step 03 (kept so a
 *                    restarted handler can pick up the outcome)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlicingRequest(String id, DeviceRequest request, RequestState state, SlicingPath path,
                             List<StepRecord> steps, SliceAssignment slice, String isclRequest, String createdAt,
                             String updatedAt, String detail) {

    /** Steps in procedure order: "01" < "02" < "03-1" < "04" ... < "11-12" < "13" < "14". */
    public static final Comparator<StepRecord> STEP_ORDER = Comparator.comparing(StepRecord::step);

    public SlicingRequest with(RequestState s, String now) {
        return new SlicingRequest(id, request, s, path, steps, slice, isclRequest, createdAt, now, detail);
    }

    public SlicingRequest withPath(SlicingPath p, String now) {
        return new SlicingRequest(id, request, state, p, steps, slice, isclRequest, createdAt, now, detail);
    }

    public SlicingRequest withIsclRequest(String href, String now) {
        return new SlicingRequest(id, request, state, path, steps, slice, href, createdAt, now, detail);
    }

    public SlicingRequest withSlice(SliceAssignment s, String now) {
        return new SlicingRequest(id, request, state, path, steps, s, isclRequest, createdAt, now, detail);
    }

    public SlicingRequest withDetail(String d, String now) {
        return new SlicingRequest(id, request, state, path, steps, slice, isclRequest, createdAt, now, d);
    }

    /** Adds or replaces the step with the same number, keeping procedure order. */
    public SlicingRequest withStep(StepRecord step, String now) {
        return withSteps(List.of(step), now);
    }

    public SlicingRequest withSteps(List<StepRecord> add, String now) {
        List<StepRecord> merged = new ArrayList<>(steps == null ? List.of() : steps);
        for (StepRecord s : add) {
            merged.removeIf(e -> e.step().equals(s.step()));
            merged.add(s);
        }
        merged.sort(STEP_ORDER);
        return new SlicingRequest(id, request, state, path, List.copyOf(merged), slice, isclRequest, createdAt, now,
                detail);
    }

    public StepRecord step(String number) {
        return steps == null ? null : steps.stream().filter(s -> s.step().equals(number)).findFirst().orElse(null);
    }
}
