package org.edgeslice.mepm.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.core.command.PushImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.edgeslice.mepm.virt.docker.DockerDriver;

/**
 * Builds the test/benchmark ME App: {@link HelloApp} as a jar, as a local artifact for the process driver, and as an image
 * {@code FROM edgeslice/jre17:2} on a Docker Engine, pushed to the CSFR registry when asked.
 */
public final class BenchImages {

    public static final String IMAGE = "edgeslice-test/hello:1";
    public static final String REGISTRY = System.getProperty("edgeslice.registry", "127.0.0.1:5000");
    public static final String BASE_IMAGE = "edgeslice/jre17:2";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private BenchImages() {
    }

    /** The Docker host the tests use: env/sysprop EDGESLICE_DOCKER_SOCK (a socket path), else the lead's default. */
    public static String dockerHost() {
        String sock = System.getProperty("EDGESLICE_DOCKER_SOCK", System.getenv("EDGESLICE_DOCKER_SOCK"));
        if (sock == null || sock.isBlank()) {
            sock = "/run/edgeslice/docker.sock";
        }
        return sock.startsWith("unix://") || sock.startsWith("tcp://") ? sock : "unix://" + sock;
    }

    public static Path testDir() {
        Path dir = Path.of(System.getProperty("mepm.test.dir", System.getProperty("java.io.tmpdir") + "/mepm-bench"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.toAbsolutePath();
    }

    /** {@link HelloApp} packed as an executable jar at {@code target}. */
    public static Path jar(Path target) {
        try {
            Files.createDirectories(target.getParent());
            Manifest mf = new Manifest();
            mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, HelloApp.class.getName());
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target), mf)) {
                for (String name : Set.of("HelloApp.class")) {
                    String entry = HelloApp.class.getPackageName().replace('.', '/') + "/" + name;
                    jar.putNextEntry(new JarEntry(entry));
                    try (InputStream in = HelloApp.class.getClassLoader().getResourceAsStream(entry)) {
                        in.transferTo(jar);
                    }
                    jar.closeEntry();
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar as the process driver's artifact for {@link #IMAGE}: {@code <artifacts>/edgeslice-test/hello/app.jar}. */
    public static Path localArtifact(Path artifacts) {
        return jar(artifacts.resolve("edgeslice-test/hello/app.jar"));
    }

    public static DockerClient client(String dockerHost) {
        return DockerDriver.client(dockerHost, Duration.ofMinutes(5));
    }

    /** Builds {@link #IMAGE} on the engine when it is missing (Dockerfile + jar, a tiny context). */
    public static synchronized String ensureImage(DockerClient docker) {
        try {
            docker.inspectImageCmd(IMAGE).exec();
            return IMAGE;
        } catch (NotFoundException missing) {
            // build below
        }
        try {
            docker.inspectImageCmd(BASE_IMAGE).exec();
        } catch (NotFoundException noBase) {
            throw new AssertionError("base image " + BASE_IMAGE + " missing: run runtime/infra.sh ensure_base_image");
        }
        Path ctx = testDir().resolve("image-context");
        try {
            Files.createDirectories(ctx);
            jar(ctx.resolve("app.jar"));
            Files.writeString(ctx.resolve("Dockerfile"), "FROM " + BASE_IMAGE + "\nCOPY app.jar /app/app.jar\n"
                    + "ENTRYPOINT [\"/opt/jre/bin/java\",\"-XX:TieredStopAtLevel=1\",\"-XX:+UseSerialGC\",\"-Xshare:auto\","
                    + "\"-jar\",\"/app/app.jar\"]\n");
            Files.writeString(ctx.resolve(".dockerignore"), "*\n!app.jar\n!Dockerfile\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        docker.buildImageCmd(ctx.toFile()).withTags(Set.of(IMAGE)).withPull(false)
                .exec(new BuildImageResultCallback()).awaitImageId(120, TimeUnit.SECONDS);
        return IMAGE;
    }

    /** {@link #IMAGE} in the CSFR registry; returns the registry reference. */
    public static String pushToRegistry(DockerClient docker) {
        ensureImage(docker);
        String ref = REGISTRY + "/" + IMAGE;
        String repo = ref.substring(0, ref.lastIndexOf(':'));
        docker.tagImageCmd(IMAGE, repo, "1").exec();
        try {
            docker.pushImageCmd(repo).withTag("1").exec(new PushImageResultCallback()).awaitCompletion(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return ref;
    }

    /** GET http://127.0.0.1:port/path, or null when nothing answers. */
    public static String get(int port, String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Polls until the app answers on {@code port}; returns the body, or null after {@code timeout}. */
    public static String awaitAnswer(int port, String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String body = get(port, path);
            if (body != null) {
                return body;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

}
