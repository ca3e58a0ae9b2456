package org.edgeslice.mepm.virt.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.edgeslice.mepm.virt.ContainerEvent;
import org.edgeslice.mepm.virt.ContainerSpec;
import org.edgeslice.mepm.virt.ContainerStatus;
import org.edgeslice.mepm.virt.DriverException;
import org.edgeslice.mepm.virt.ImageRef;
import org.edgeslice.mepm.virt.VirtualisationDriver;

/**
 * Runs ME App artifacts as local processes, for a machine without a Docker Engine (the laptop demo). An image
 * reference maps to a jar: {@code 127.0.0.1:5000/edgeslice/iot-slice:0.1.0} is looked up as
 * {@code <artifacts>/edgeslice/iot-slice/0.1.0/app.jar} (one directory per tag, as an image per tag), then
 * {@code <artifacts>/edgeslice/iot-slice/app.jar}, then {@code <artifacts>/iot-slice/app.jar}; the process is
 * {@code <java> [jvm.options] -Xmx<¾ of the memory limit>m -jar app.jar} in the jar's directory, with the
 * environment a container would get: the MEPM's own, then the artifact's {@value #IMAGE_ENV} ({@code KEY=VALUE}
 * lines, what an image's {@code ENV} bakes in, e.g. a slice's function set), then the instance's {@code MEC_*}.
 * {@value #JVM_OPTIONS} (one flag per line) plays the image ENTRYPOINT's JVM flags. Each "container" is a JSON record in the state directory (id, labels,
 * spec, pid, log file), so a restarted MEPM finds and reconciles the processes its predecessor started.
 * There is no CPU limit and no network isolation: the driver is for demos, not for production hosts.
 */
public final class LocalProcessDriver implements VirtualisationDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Next to app.jar: the environment the artifact brings (an image's ENV). */
    public static final String IMAGE_ENV = "image.env";
    /** Next to app.jar: JVM flags, one per line (an image ENTRYPOINT's flags). */
    public static final String JVM_OPTIONS = "jvm.options";

    private final Path artifacts;
    private final Path state;
    private final String javaCommand;
    private final Map<String, Process> children = new ConcurrentHashMap<>();
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mepm-process-driver");
        t.setDaemon(true);
        return t;
    });
    /** Liveness last seen per record, to turn polling into start/die events. */
    private final Map<String, Boolean> lastAlive = new ConcurrentHashMap<>();

    public LocalProcessDriver(Path artifacts, Path state, String javaCommand) {
        this.artifacts = artifacts;
        this.state = state;
        this.javaCommand = javaCommand;
        try {
            Files.createDirectories(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // what runs now is the starting point: only later changes are events
        records().forEach(r -> lastAlive.put(r.id(), alive(r)));
        poller.scheduleWithFixedDelay(this::poll, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** The persisted description of one process-"container". */
    public record Record(String id, String name, String image, String jar, Map<String, String> env,
                         Map<String, String> labels, long memoryMb, List<String> command, Long pid,
                         Integer exitCode, String log) {
        Record withPid(Long p, Integer exit) {
            return new Record(id, name, image, jar, env, labels, memoryMb, command, p, exit, log);
        }
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public String endpoint() {
        return "file://" + artifacts.toAbsolutePath();
    }

    /** Where the jar of {@code image} is expected. */
    public Path artifactOf(String image) {
        ImageRef ref = ImageRef.parse(image);
        String path = ref.path();
        // a digest reference (sha256:...) has no directory of its own
        if (ref.tag().matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
            Path tagged = artifacts.resolve(path).resolve(ref.tag()).resolve("app.jar");
            if (Files.isRegularFile(tagged)) {
                return tagged;
            }
        }
        Path full = artifacts.resolve(path).resolve("app.jar");
        if (Files.isRegularFile(full)) {
            return full;
        }
        return artifacts.resolve(path.substring(path.lastIndexOf('/') + 1)).resolve("app.jar");
    }

    /** The artifact's {@value #IMAGE_ENV}: {@code KEY=VALUE} lines; blank lines and {@code #} comments skipped. */
    static Map<String, String> imageEnv(Path jar) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : lines(jar.resolveSibling(IMAGE_ENV))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return env;
    }

    private static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new DriverException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ImageReady ensureImage(String image) {
        Path jar = artifactOf(image);
        if (!Files.isRegularFile(jar)) {
            throw new DriverException("no local artifact for " + image + ": expected "
                    + artifacts.resolve(ImageRef.parse(image).path()).resolve("app.jar"));
        }
        return new ImageReady(image, false, 0);
    }

    @Override
    public String create(ContainerSpec spec) {
        Path jar = artifactOf(spec.image());
        if (!Files.isRegularFile(jar)) {
            throw new DriverException("no local artifact for " + spec.image() + " (" + jar + ")");
        }
        for (Record r : records()) {
            if (r.name().equals(spec.name())) {
                remove(r.id());
            }
        }
        String id = "proc-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Record r = new Record(id, spec.name(), spec.image(), jar.toString(), spec.env(), spec.labels(),
                spec.memoryMb(), spec.command(), null, null, state.resolve(id + ".log").toString());
        save(r);
        return id;
    }

    @Override
    public synchronized void start(String containerId) {
        Record r = load(containerId).orElseThrow(() -> new DriverException("no container " + containerId));
        if (r.pid() != null && ProcessHandle.of(r.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            return;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(javaCommand);
        Path jarPath = Path.of(r.jar());
        cmd.addAll(lines(jarPath.resolveSibling(JVM_OPTIONS)));
        if (r.memoryMb() > 0) {
            cmd.add("-Xmx" + Math.max(16, r.memoryMb() * 3 / 4) + "m");
        }
        cmd.add("-jar");
        cmd.add(r.jar());
        if (r.command() != null) {
            cmd.addAll(r.command());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(new File(r.jar()).getParentFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File(r.log())));
        // as in a container: the image's ENV, overridden by what the MEPM hands this instance
        pb.environment().putAll(imageEnv(jarPath));
        pb.environment().putAll(r.env());
        try {
            Process p = pb.start();
            children.put(containerId, p);
            save(r.withPid(p.pid(), null));
        } catch (IOException e) {
            throw new DriverException("cannot start " + cmd + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void stop(String containerId, Duration timeout) {
        load(containerId).ifPresent(r -> {
            Optional<ProcessHandle> h = r.pid() == null ? Optional.empty() : ProcessHandle.of(r.pid());
            h.ifPresent(ph -> {
                ph.destroy();
                try {
                    ph.onExit().get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
                } catch (Exception notYet) {
                    ph.destroyForcibly();
                }
            });
            recordExit(r);
        });
    }

    @Override
    public void kill(String containerId) {
        load(containerId).ifPresent(r -> {
            if (r.pid() != null) {
                ProcessHandle.of(r.pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
        });
    }

    @Override
    public void remove(String containerId) {
        load(containerId).ifPresent(r -> {
            stop(containerId, Duration.ZERO);
            try {
                Files.deleteIfExists(file(containerId));
                Files.deleteIfExists(Path.of(r.log()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            children.remove(containerId);
            if (lastAlive.remove(containerId) != null) {
                emit(new ContainerEvent(containerId, ContainerEvent.Kind.DESTROY, r.labels(), r.exitCode(),
                        System.currentTimeMillis()));
            }
        });
    }

    @Override
    public Optional<ContainerStatus> inspect(String containerId) {
        return load(containerId).map(this::status);
    }

    @Override
    public List<ContainerStatus> list(Map<String, String> labels) {
        return records().stream().filter(r -> r.labels().entrySet().containsAll(labels.entrySet()))
                .map(this::status).toList();
    }

    @Override
    public String logs(String containerId, int tailLines) {
        Record r = load(containerId).orElseThrow(() -> new DriverException("no container " + containerId));
        try (RandomAccessFile f = new RandomAccessFile(r.log(), "r")) {
            long len = f.length();
            long from = Math.max(0, len - 256 * 1024);
            byte[] buf = new byte[(int) (len - from)];
            f.seek(from);
            f.readFully(buf);
            String[] lines = new String(buf, StandardCharsets.UTF_8).split("\n", -1);
            int start = Math.max(0, lines.length - 1 - tailLines);
            return String.join("\n", List.of(lines).subList(start, lines.length));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public AutoCloseable watch(Map<String, String> labels, Consumer<ContainerEvent> listener) {
        Watch w = new Watch(labels, listener);
        watches.add(w);
        return () -> watches.remove(w);
    }

    private record Watch(Map<String, String> labels, Consumer<ContainerEvent> listener) {
    }

    private void poll() {
        try {
            for (Record r : records()) {
                boolean alive = alive(r);
                Boolean before = lastAlive.put(r.id(), alive);
                if (before == null ? alive : before != alive) {
                    if (!alive) {
                        r = recordExit(r);
                    }
                    emit(new ContainerEvent(r.id(), alive ? ContainerEvent.Kind.START : ContainerEvent.Kind.DIE,
                            r.labels(), r.exitCode(), System.currentTimeMillis()));
                }
            }
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(getClass().getName()).log(java.util.logging.Level.WARNING, "poll", e);
        }
    }

    private void emit(ContainerEvent e) {
        for (Watch w : watches) {
            if (e.labels().entrySet().containsAll(w.labels().entrySet())) {
                w.listener().accept(e);
            }
        }
    }

    private boolean alive(Record r) {
        return r.pid() != null && ProcessHandle.of(r.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    private synchronized Record recordExit(Record r) {
        Process p = children.get(r.id());
        Integer exit = r.exitCode();
        if (p != null && !p.isAlive()) {
            exit = p.exitValue();
        } else if (exit == null && !alive(r) && r.pid() != null) {
            exit = -1; // not our child any more (MEPM restarted): the code is unknown
        }
        if (!alive(r) && exit != null && !exit.equals(r.exitCode()) && Files.exists(file(r.id()))) {
            r = r.withPid(r.pid(), exit);
            save(r);
        }
        return r;
    }

    private ContainerStatus status(Record r) {
        boolean alive = alive(r);
        return new ContainerStatus(r.id(), r.name(), r.image(), r.labels(), alive, alive ? null : r.exitCode(),
                false, r.memoryMb() * 1024 * 1024, 0, 0);
    }

    private Path file(String id) {
        return state.resolve(id + ".json");
    }

    private Optional<Record> load(String id) {
        Path f = file(id);
        if (!id.startsWith("proc-") || !Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(f.toFile(), Record.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private List<Record> records() {
        List<Record> out = new ArrayList<>();
        try (var files = Files.list(state)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")).forEach(f -> {
                try {
                    out.add(JSON.readValue(f.toFile(), Record.class));
                } catch (IOException ignored) {
                    // half-written record of a crash: skipped
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private void save(Record r) {
        try {
            Path tmp = state.resolve(r.id() + ".json.tmp");
            JSON.writeValue(tmp.toFile(), r);
            Files.move(tmp, file(r.id()), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }

    static Map<String, String> copy(Map<String, String> m) {
        return new LinkedHashMap<>(m);
    }
}
