package org.edgeslice.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.command.PullImageResultCallback;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker-based parts work without the internet: the base image is made from the machine's JDK without any
 * registry, an ME App image built on it goes through the CSFR registry (push, local copy removed, pull), and
 * a container from it answers HTTP on a loopback port with host networking.
 */
class BaseImageIT {

    private static final String APP = """
            import java.io.*; import java.net.*;
            public class Hello {
              public static void main(String[] a) throws Exception {
                try (ServerSocket s = new ServerSocket(Integer.parseInt(System.getenv("PORT")), 50,
                                                       InetAddress.getByName("127.0.0.1"))) {
                  while (true) try (Socket c = s.accept()) {
                    c.setTcpNoDelay(true);
                    new BufferedReader(new InputStreamReader(c.getInputStream())).readLine();
                    byte[] body = ("hello from " + System.getenv("MEC_APP_INSTANCE_ID")).getBytes();
                    c.getOutputStream().write(("HTTP/1.1 200 OK\\r\\nContent-Length: " + body.length
                        + "\\r\\nConnection: close\\r\\n\\r\\n").getBytes());
                    c.getOutputStream().write(body); c.getOutputStream().flush();
                  }
                }
              }
            }
            """;

    @TempDir
    Path work;

    @Test
    void baseImageIsMadeLocallyAndAnAppImageTravelsThroughTheRegistryAndAnswersOnLoopback() throws Exception {
        String tag = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "edgeslice/jre17-it:" + tag;
        DockerClient docker = Engines.docker();

        Path context = work.resolve("ctx");
        String local = "edgeslice/hello-it:" + tag;
        String remote = Engines.registry() + "/edgeslice/hello-it:" + tag;
        String container = null;
        try {
            runInfra("ensure_base_image", base);
            assertTrue(exists(docker, base), "the base image was made without a registry");
            Files.createDirectories(context);
            buildAppJar(context.resolve("hello.jar"));
            Files.writeString(context.resolve("Dockerfile"), "FROM " + base + "\nCOPY hello.jar /app/hello.jar\n"
                    + "ENTRYPOINT [\"/opt/jre/bin/java\", \"-XX:TieredStopAtLevel=1\", \"-cp\", \"/app/hello.jar\", \"Hello\"]\n");
            docker.buildImageCmd(context.toFile()).withTags(Set.of(local, remote)).withPull(false)
                    .exec(new BuildImageResultCallback()).awaitImageId(120, TimeUnit.SECONDS);
            docker.pushImageCmd(remote).exec(new ResultCallback.Adapter<PushResponseItem>())
                    .awaitCompletion(120, TimeUnit.SECONDS);
            docker.removeImageCmd(remote).withForce(true).exec();
            docker.removeImageCmd(local).withForce(true).exec();
            assertTrue(!exists(docker, remote) && !exists(docker, local), "the local copies are gone");

            docker.pullImageCmd(remote).exec(new PullImageResultCallback()).awaitCompletion(120, TimeUnit.SECONDS);
            assertTrue(exists(docker, remote), "pulled from the CSFR");

            int port = freePort();
            CreateContainerResponse created = docker.createContainerCmd(remote)
                    .withEnv("PORT=" + port, "MEC_APP_INSTANCE_ID=" + tag)
                    .withLabels(java.util.Map.of("org.edgeslice.managed", "true", "org.edgeslice.test", "BaseImageIT"))
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host").withInit(true)).exec();
            container = created.getId();
            docker.startContainerCmd(container).exec();
            HttpResponse<String> answer = awaitAnswer("http://127.0.0.1:" + port + "/", Duration.ofSeconds(20));
            assertEquals(200, answer.statusCode());
            assertEquals("hello from " + tag, answer.body());
        } finally {
            if (container != null) {
                docker.removeContainerCmd(container).withForce(true).exec();
            }
            for (String image : List.of(remote, local, base, Engines.registry() + "/" + base)) {
                try {
                    docker.removeImageCmd(image).withForce(true).exec();
                } catch (RuntimeException ignored) {
                    // already gone
                }
            }
        }
    }

    private static boolean exists(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return false;
        }
    }

    private static void runInfra(String function, String baseImage) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("edgeslice.root", "..")).toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("runtime/infra.sh").toString(), function)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("EDGESLICE_BASE_IMAGE", baseImage);
        pb.environment().put("EDGESLICE_DOCKER_SOCK", Engines.dockerHost().replaceFirst("^unix://", ""));
        pb.environment().put("EDGESLICE_REGISTRY", Engines.registry());
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "infra.sh " + function + " timed out");
        assertEquals(0, p.exitValue(), "infra.sh " + function);
    }

    private void buildAppJar(Path jar) throws IOException {
        Path src = work.resolve("src/Hello.java");
        Path classes = work.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, APP);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "--release", "17", "-d", classes.toString(), src.toString()));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("Hello.class"));
            Files.copy(classes.resolve("Hello.class"), out);
            out.closeEntry();
        }
        Files.writeString(jar.getParent().resolve(".dockerignore"), "*\n!hello.jar\n!Dockerfile\n");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<String> awaitAnswer(String url, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e;
                Thread.sleep(50);
            }
        }
        throw new AssertionError("no answer from " + url, last);
    }

}
