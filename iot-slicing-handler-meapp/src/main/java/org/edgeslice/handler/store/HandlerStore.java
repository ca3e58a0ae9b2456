package org.edgeslice.handler.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgeslice.handler.request.SlicingRequest;
import org.edgeslice.handler.slice.SliceEntry;
import org.edgeslice.handler.slice.SliceTable;

/**
 * The handler's durable state: the request table and the slice table in one append-only JSON-lines file
 * ({@code handler-state.jsonl} in the data directory). Each change appends one line holding the whole new value of
 * a request or slice (or its removal), and is forced to disk before the change is acknowledged. At start the file is
 * replayed (last value wins), then rewritten as a snapshot of the live values (temporary file, fsync, atomic rename),
 * and it is compacted the same way when it grows to several times the live state.
 *
 * <p>Why this and not a database: the handler is a small ME App container; its state is a few hundred small records
 * changing a few times per device request, one writer (this process), and it must survive a restart or kill -9. An
 * append-only log gives that with one fsync per change and no dependency. A torn last line (crash while writing) is
 * ignored on replay: its change was never acknowledged.
 */
public final class HandlerStore implements SliceTable.Journal, AutoCloseable {
    public static final String FILE = "handler-state.jsonl";
    private static final System.Logger LOG = System.getLogger(HandlerStore.class.getName());
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private final Path file;
    private final boolean fsync;
    private final Map<String, SlicingRequest> requests = new LinkedHashMap<>();
    private final Map<String, SliceEntry> slices = new LinkedHashMap<>();
    private FileChannel channel;
    private long linesSinceCompaction;

    private HandlerStore(Path file, boolean fsync) {
        this.file = file;
        this.fsync = fsync;
    }

    /** Opens (creating the directory if needed), replays and compacts the store. */
    public static HandlerStore open(Path dir, boolean fsync) {
        try {
            Files.createDirectories(dir);
            HandlerStore s = new HandlerStore(dir.resolve(FILE), fsync);
            s.replay();
            s.compact();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the handler store in " + dir, e);
        }
    }

    public synchronized Collection<SlicingRequest> requests() {
        return List.copyOf(requests.values());
    }

    public synchronized Collection<SliceEntry> slices() {
        return List.copyOf(slices.values());
    }

    public synchronized void saveRequest(SlicingRequest r) {
        append("request", JSON.valueToTree(r), null);
        requests.put(r.id(), r);
    }

    public synchronized void deleteRequest(String id) {
        append("request-deleted", null, id);
        requests.remove(id);
    }

    @Override
    public synchronized void saved(SliceEntry entry) {
        append("slice", JSON.valueToTree(entry), null);
        slices.put(entry.appInstanceId(), entry);
    }

    @Override
    public synchronized void removed(String appInstanceId) {
        append("slice-removed", null, appInstanceId);
        slices.remove(appInstanceId);
    }

    private void append(String type, JsonNode value, String id) {
        ObjectNode line = JSON.createObjectNode().put("t", type);
        if (value != null) {
            line.set("v", value);
        }
        if (id != null) {
            line.put("id", id);
        }
        try {
            byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            if (fsync) {
                channel.force(false);
            }
            linesSinceCompaction++;
            if (linesSinceCompaction > Math.max(1000, 4L * (requests.size() + slices.size()))) {
                compact();
            }
        } catch (IOException e) {
            // the change is not acknowledged: the caller's request fails with 5xx and memory stays unchanged
            throw new UncheckedIOException("cannot write the handler store " + file, e);
        }
    }

    private void replay() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(l);
                switch (n.path("t").asText()) {
                    case "request" -> {
                        SlicingRequest r = JSON.treeToValue(n.get("v"), SlicingRequest.class);
                        requests.put(r.id(), r);
                    }
                    case "request-deleted" -> requests.remove(n.get("id").asText());
                    case "slice" -> {
                        SliceEntry e = JSON.treeToValue(n.get("v"), SliceEntry.class);
                        slices.put(e.appInstanceId(), e);
                    }
                    case "slice-removed" -> slices.remove(n.get("id").asText());
                    default -> LOG.log(Level.WARNING, "{0}:{1}: unknown record type, skipped", file, i + 1);
                }
            } catch (IOException | RuntimeException e) {
                if (i == lines.size() - 1) {
                    LOG.log(Level.WARNING, "{0}: torn last line ignored (crash while writing)", file);
                } else {
                    LOG.log(Level.ERROR, "{0}:{1}: unreadable line skipped: {2}", file, i + 1, e.getMessage());
                }
            }
        }
    }

    private void compact() throws IOException {
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            StringBuilder b = new StringBuilder();
            for (SlicingRequest r : requests.values()) {
                b.append(JSON.writeValueAsString(JSON.createObjectNode().put("t", "request")
                        .set("v", JSON.valueToTree(r)))).append('\n');
            }
            for (SliceEntry e : slices.values()) {
                b.append(JSON.writeValueAsString(JSON.createObjectNode().put("t", "slice")
                        .set("v", JSON.valueToTree(e)))).append('\n');
            }
            ByteBuffer buf = ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            out.force(true);
        }
        if (channel != null) {
            channel.close();
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // not every file system lets a directory be opened for fsync; the rename is still atomic
        }
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        linesSinceCompaction = 0;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing the store: {0}", e.getMessage());
        }
    }

    /** For tests: every line currently in the file. */
    public synchronized List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }
}
