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
            df.append("ENV SLICE_DATA_DIR=/tmp/slice-data\n");
            df.append("LABEL ").append(FUNCTIONS_LABEL).append("=\"").append(functions.sliceFunctionsValue())
                    .append("\" ").append(DIGEST_LABEL).append("=\"").append(artifacts.digest()).append("\"")
                    .append(" org.edgeslice.slice.modules=\"").append(String.join(",", modules)).append("\"\n");
            df.append("ENTRYPOINT [\"/opt/jre/bin/java\", \"-XX:TieredStopAtLevel=1\", \"-XX:+UseSerialGC\", "
                    + "\"-Xss512k\", \"-XX:MaxRAM=256m\", \"-jar\", \"/app/").append(SliceArtifacts.JAR).append("\"]\n");
            Files.writeString(ctx.resolve("Dockerfile"), df.toString());
            imageId = docker.buildImageCmd(ctx.toFile()).withTags(Set.of(reference)).withPull(false)
                    .withNoCache(false).exec(new BuildImageResultCallback()).awaitImageId(5, TimeUnit.MINUTES);
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
