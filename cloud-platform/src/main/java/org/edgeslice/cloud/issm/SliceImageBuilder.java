package org.edgeslice.cloud.issm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Composes slice images (ISSM, step 05): the base image (a jlink JRE at /opt/jre/bin/java, WORKDIR /app, no
 * shell) plus the slice core as its own layers (libraries, then the slice jar, so that every slice image shares
 * them) plus one layer per selected function module when the slice module ships them; the function set is also
 * baked in as {@code SLICE_FUNCTIONS} and as the image label {@value #FUNCTIONS_LABEL}. Then pushes the image to the
 * CSFR registry. Uses docker-java against the engine at {@code cloud.docker.host}.
 */
public final class SliceImageBuilder implements AutoCloseable {

    public static final String FUNCTIONS_LABEL = "org.edgeslice.slice.functions";
    public static final String DIGEST_LABEL = "org.edgeslice.slice.artifacts-sha256";

    private static final String JAVA = "/opt/jre/bin/java";
    /** The slice's class-data-sharing archive in the image. */
    static final String ARCHIVE = "/app/slice.jsa";
    /** The classes the training run loaded: what the archive holds. */
    private static final String CLASS_LIST = "/app/slice.classlist";
    /** Build steps leave no hsperfdata file in their layer. */
    private static final String NO_PERF_FILE = "-XX:-UsePerfData";

    /**
     * The slice JVM's flags, the same for the training run that writes the archive and for the ENTRYPOINT (CDS
     * requires a matching GC and class path).
     * <ul>
     *   <li>{@code -XX:TieredStopAtLevel=1}: C1 only. With C2 a slice took 5 MB more idle RSS and 33 MB more
     *       after a load run, for ~30 % more creates/s at 64 clients (5,400 vs 4,100/s on the shared 2-core
     *       machine); an edge host runs many slices, so memory wins (docs/evaluation.md "Slice start and
     *       footprint").</li>
     *   <li>{@code -XX:+UseSerialGC}: no GC worker threads and the smallest GC data structures for a small heap.</li>
     *   <li>{@code -Xmx64m}: what {@code -XX:MaxRAM=256m} gave before, stated directly; the slice's resources
     *       live in the heap (a container's {@code mni} bounds them), and only touched pages count in RSS.
     *       {@code -Xms8m -XX:NewSize=1m}: a small heap and young generation at start (each measured ~1.3 MB
     *       less idle RSS: start-up garbage touches the whole eden); both grow with the heap under load, and a
     *       young collection's cost depends on the live data, not on the eden size.
     *       {@code -XX:MinHeapFreeRatio=70 -XX:NewRatio=1}: under load the heap grows
     *       early and the young generation takes half of it, so content instances that a container's
     *       {@code mni} evicts soon die young instead of being promoted and collected by full collections
     *       (64-client creates: 101 full collections in 30 s before, 4 after; 8,400-9,300 instead of
     *       8,400-8,900 creates/s, p99 19 instead of 26-30 ms); idle RSS unchanged. {@code -XX:MaxHeapFreeRatio=70
     *       -XX:-ShrinkHeapInSteps}: a full collection shrinks the heap at once to about three times the live data;
     *       the slice collects once when its traffic stops and its heap grew past 16 MB (IdleHeapRelease), so the
     *       ~25 MB of heap a load run grew are given back.</li>
     *   <li>{@code -Xss512k}: half the default reservation per thread; the deepest recursion is JSON nesting,
     *       which jackson-core caps at 1000 levels.</li>
     *   <li>{@code -XX:CICompilerCount=1}: one C1 thread is enough for a slice and saves its arena memory.</li>
     *   <li>{@code -Dio.netty.allocator.type=unpooled}: the slice uses unpooled heap buffers (oneM2M messages are
     *       small); this keeps Netty from also creating its pooled default allocator's arenas and caches.</li>
     * </ul>
     */
    static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms8m",
            "-XX:NewSize=1m", "-XX:MinHeapFreeRatio=70", "-XX:MaxHeapFreeRatio=70", "-XX:-ShrinkHeapInSteps",
            "-XX:NewRatio=1", "-Xmx64m",
            "-Xss512k", "-XX:CICompilerCount=1", "-Dio.netty.allocator.type=unpooled");

    private final DockerClient docker;

    public SliceImageBuilder(String dockerHost) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost).build();
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .connectionTimeout(Duration.ofSeconds(5)).responseTimeout(Duration.ofMinutes(5)).build();
        this.docker = DockerClientImpl.getInstance(config, http);
    }

    /** Whether the engine answers. */
    public boolean reachable() {
        try {
            docker.pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** What was built. */
    public record Built(String reference, String imageId, long buildMillis, long pushMillis) {
    }

    /**
     * Builds {@code reference} (e.g. {@code 127.0.0.1:5000/edgeslice/iot-slice:reg-ret}) and pushes it.
     *
     * @param workDir an empty scratch directory for the build context (deleted afterwards)
     */
    public Built buildAndPush(String baseImage, SliceArtifacts artifacts, FunctionSelection functions,
                              String reference, Path workDir) {
        long t0 = System.nanoTime();
        String imageId;
        try {
            Path ctx = Files.createDirectories(workDir);
            Path lib = Files.createDirectories(ctx.resolve("lib"));
            for (Path l : artifacts.libs()) {
                Files.copy(l, lib.resolve(l.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.copy(artifacts.jar(), ctx.resolve(SliceArtifacts.JAR), StandardCopyOption.REPLACE_EXISTING);
            StringBuilder df = new StringBuilder();
            df.append("FROM ").append(baseImage).append('\n');
            df.append("WORKDIR /app\n");
            df.append("COPY lib/ /app/lib/\n");
            df.append("COPY ").append(SliceArtifacts.JAR).append(" /app/").append(SliceArtifacts.JAR).append('\n');
            // The slice's class-data-sharing archive, from its --train run (a throw-away slice on loopback ports of
            // the build container, network "none", starting as an ME App against a stand-in platform): start-to-
            // ready and start-up CPU about halved. A static archive of exactly the classes that run loaded (its
            // class list, then -Xshare:dump), JDK classes included, instead of a dynamic one on top of the JDK's
            // default archive: an archive is mapped resident almost whole, so the default archive's classes that
            // a slice never uses cost ~1 MB of every slice's RSS (docs/evaluation.md "Slice idle RSS"). It depends
            // only on the JRE, the libraries and the jar, so slice images with other function sets reuse the
            // cached layers. The JVM checks the archive against the class path and ignores a stale one.
            List<String> train = new ArrayList<>(List.of(JAVA, NO_PERF_FILE, "-Xshare:off",
                    "-XX:DumpLoadedClassList=" + CLASS_LIST));
            train.addAll(JVM_FLAGS);
            train.addAll(List.of("-jar", "/app/" + SliceArtifacts.JAR, "--train"));
            df.append(run(train.toArray(String[]::new)));
            List<String> dump = new ArrayList<>(List.of(JAVA, NO_PERF_FILE, "-Xshare:dump",
                    "-XX:SharedClassListFile=" + CLASS_LIST, "-XX:SharedArchiveFile=" + ARCHIVE));
            dump.addAll(JVM_FLAGS);
            dump.addAll(List.of("-jar", "/app/" + SliceArtifacts.JAR));
            df.append(run(dump.toArray(String[]::new)));
            List<String> modules = new ArrayList<>();
            for (String f : functions.names()) {
                var module = artifacts.functionModule(f);
                if (module.isPresent()) {
                    copyTree(module.get(), ctx.resolve("functions").resolve(f));
                    df.append("COPY functions/").append(f).append("/ /app/functions/").append(f).append("/\n");
                    modules.add(f);
                }
            }
            df.append("ENV SLICE_FUNCTIONS=").append(functions.sliceFunctionsValue()).append('\n');
            // no SLICE_DATA_DIR: it would win over the MEC_DATA_DIR a MEPM gives (a host directory bound into the
            // container), and the write-ahead log would live in the container's own layer and go with it; without
            // MEC_DATA_DIR (a standalone run of the image) the slice writes /app/slice-data
            df.append("LABEL ").append(FUNCTIONS_LABEL).append("=\"").append(functions.sliceFunctionsValue())
                    .append("\" ").append(DIGEST_LABEL).append("=\"").append(artifacts.digest()).append("\"")
                    .append(" org.edgeslice.slice.modules=\"").append(String.join(",", modules)).append("\"\n");
            // glibc gives every thread that mallocs its own arena (64 MB reserved, some of it touched): two are
            // enough for a JVM whose hot allocation is in the Java heap, and keep the RSS of a loaded slice lower
            df.append("ENV MALLOC_ARENA_MAX=2\n");
            List<String> entry = new ArrayList<>(List.of(JAVA, "-XX:SharedArchiveFile=" + ARCHIVE));
            entry.addAll(JVM_FLAGS);
            entry.addAll(List.of("-jar", "/app/" + SliceArtifacts.JAR));
            df.append("ENTRYPOINT ").append(execForm(entry.toArray(String[]::new))).append('\n');
            Files.writeString(ctx.resolve("Dockerfile"), df.toString());
            imageId = docker.buildImageCmd(ctx.toFile()).withTags(Set.of(reference)).withPull(false)
                    .withNoCache(false).withNetworkMode("none").exec(new BuildImageResultCallback()).awaitImageId(5, TimeUnit.MINUTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the build context in " + workDir, e);
        } finally {
            deleteTree(workDir);
        }
        long t1 = System.nanoTime();
        int colon = reference.lastIndexOf(':');
        try {
            docker.pushImageCmd(reference.substring(0, colon)).withTag(reference.substring(colon + 1))
                    .exec(new ResultCallback.Adapter<PushResponseItem>() {
                        @Override
                        public void onNext(PushResponseItem item) {
                            if (item.isErrorIndicated()) {
                                onError(new IllegalStateException("push of " + reference + " failed: "
                                        + (item.getErrorDetail() == null ? item.getError()
                                        : item.getErrorDetail().getMessage())));
                            }
                        }
                    }).awaitCompletion(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pushing " + reference, e);
        }
        long t2 = System.nanoTime();
        return new Built(reference, imageId, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    private static String run(String... argv) {
        return "RUN " + execForm(argv) + "\n";
    }

    /** A JSON exec-form argument list: the base image has no shell. */
    private static String execForm(String... argv) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < argv.length; i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(argv[i].replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return sb.append(']').toString();
    }

    public DockerClient docker() {
        return docker;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch directory left behind is harmless
        }
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
