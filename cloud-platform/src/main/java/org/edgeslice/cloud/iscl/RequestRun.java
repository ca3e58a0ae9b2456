package org.edgeslice.cloud.iscl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.edgeslice.contract.cloud.LogEntry;
import org.edgeslice.contract.cloud.SliceInfo;
import org.edgeslice.contract.cloud.SlicingRequest;
import org.edgeslice.contract.cloud.SlicingRequestInfo;
import org.edgeslice.contract.cloud.StepRecord;
import org.edgeslice.contract.cloud.TaskInfo;
import org.edgeslice.contract.common.ProblemDetails;

/**
 * One slicing request while it runs: its step trace, log and outcome, saved (through {@code saver}) at every
 * change so that GET shows the progress. Not thread-safe: one ISS thread owns a run.
 */
public final class RequestRun {

    private final String id;
    private final SlicingRequest request;
    private final String createdAt;
    private final String self;
    private final Consumer<SlicingRequestInfo> saver;
    private final List<StepRecord> trace = new ArrayList<>();
    private final List<LogEntry> log = new ArrayList<>();
    private String state = "PROCESSING";
    private String sliceId;
    private SliceInfo slice;
    private List<String> startedFunctions = List.of();
    private List<TaskInfo> tasks = List.of();
    private String finishedAt;
    private ProblemDetails error;

    public RequestRun(String id, SlicingRequest request, String self, Consumer<SlicingRequestInfo> saver) {
        this.id = id;
        this.request = request;
        this.self = self;
        this.saver = saver;
        this.createdAt = Instant.now().toString();
    }

    /** Work of one step that may fail; its result's ids go into the trace. */
    @FunctionalInterface
    public interface StepWork<T> {
        T run(Map<String, String> ids) throws Exception;
    }

    /** Runs one step, tracing start, end, outcome and the ids it recorded; a failure is rethrown. */
    public <T> T step(String number, String name, StepWork<T> work) throws Exception {
        return step(number, name, work, true, true);
    }

    private <T> T step(String number, String name, StepWork<T> work, boolean saveStart, boolean saveSuccess)
            throws Exception {
        Instant start = Instant.now();
        Map<String, String> ids = new LinkedHashMap<>();
        int index = trace.size();
        trace.add(new StepRecord(number, name, "IN_PROGRESS", start.toString(), null, null, null, null));
        if (saveStart) {
            save();
        }
        try {
            T result = work.run(ids);
            end(index, number, name, "SUCCEEDED", start, null, ids, saveSuccess);
            return result;
        } catch (Exception e) {
            end(index, number, name, "FAILED", start, e.getMessage(), ids, true);
            log("ERROR", "step " + number + " (" + name + ") failed: " + e.getMessage());
            throw e;
        }
    }

    /**
     * Runs a step of milliseconds (local work or one call): its start is saved together with its end, not on its
     * own. Every save wakes the handler's long poll, which then reads the whole request: on the path a device waits
     * for, saving these starts cost more than showing them could tell.
     */
    public <T> T quickStep(String number, String name, StepWork<T> work) throws Exception {
        return step(number, name, work, false, true);
    }

    public void skipped(String number, String name, String why) {
        String now = Instant.now().toString();
        trace.add(new StepRecord(number, name, "SKIPPED", now, now, 0L, why, null));
        save();
    }

    /** Traces a skipped step without saving: the next save carries it. */
    public void skippedUnsaved(String number, String name, String why) {
        String now = Instant.now().toString();
        trace.add(new StepRecord(number, name, "SKIPPED", now, now, 0L, why, null));
    }

    /**
     * Runs a step whose success is saved together with what follows (the next step or the request's completion)
     * rather than on its own; its start and a failure are saved as with {@link #step}. Used for the last steps of
     * a request, which follow each other within microseconds.
     */
    public <T> T stepSavedWithNext(String number, String name, StepWork<T> work) throws Exception {
        return step(number, name, work, true, false);
    }

    /**
     * Runs a step saved only with what follows it (or when it fails): its start is not saved on its own. For the
     * one step of path 03-2, which starts right after the request was saved and ends right before it completes.
     */
    public <T> T stepSavedWithNeighbours(String number, String name, StepWork<T> work) throws Exception {
        return step(number, name, work, false, false);
    }

    /** Traces a step that does only bookkeeping (no remote work): done when recorded, saved with what follows. */
    public void instantStep(String number, String name, Map<String, String> ids) {
        String now = Instant.now().toString();
        trace.add(new StepRecord(number, name, "SUCCEEDED", now, now, 0L, null, ids.isEmpty() ? null : Map.copyOf(ids)));
    }

    private void end(int index, String number, String name, String outcome, Instant start, String detail,
                     Map<String, String> ids, boolean save) {
        Instant end = Instant.now();
        trace.set(index, new StepRecord(number, name, outcome, start.toString(), end.toString(),
                Duration.between(start, end).toMillis(), detail, ids.isEmpty() ? null : Map.copyOf(ids)));
        if (save) {
            save();
        }
    }

    public void log(String level, String message) {
        log.add(new LogEntry(Instant.now().toString(), level, message));
    }

    public void slice(SliceInfo s) {
        this.slice = s;
        this.sliceId = s.sliceId();
    }

    public void sliceId(String s) {
        this.sliceId = s;
    }

    public void startedFunctions(List<String> f) {
        this.startedFunctions = List.copyOf(f);
    }

    public void tasks(List<TaskInfo> t) {
        this.tasks = List.copyOf(t);
    }

    public void completed() {
        state = "COMPLETED";
        finishedAt = Instant.now().toString();
        log("INFO", "request completed");
        save();
    }

    public void failed(int status, String title, String detail) {
        state = "FAILED";
        finishedAt = Instant.now().toString();
        error = new ProblemDetails("about:blank", title, status, detail, self);
        log("ERROR", "request failed: " + detail);
        save();
    }

    public String id() {
        return id;
    }

    public SlicingRequest request() {
        return request;
    }

    public void save() {
        saver.accept(info());
    }

    public SlicingRequestInfo info() {
        Map<String, SliceInfo.Link> links = new LinkedHashMap<>();
        links.put("self", new SliceInfo.Link(self));
        if (sliceId != null) {
            links.put("slice", new SliceInfo.Link(self.replaceFirst("slicing_requests/.*$", "slices/" + sliceId)));
        }
        return new SlicingRequestInfo(id, request.requestType(), state, request, sliceId, slice, startedFunctions,
                tasks, List.copyOf(trace), List.copyOf(log), createdAt, finishedAt, error, links);
    }
}
