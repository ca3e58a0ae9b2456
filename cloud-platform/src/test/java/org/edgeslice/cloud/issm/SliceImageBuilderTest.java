package org.edgeslice.cloud.issm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.model.HostConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ISSM against the real Docker Engine and CSFR registry: composes a slice image for a function set, pushes it,
 * removes it locally, pulls it back from the registry (as a MEPM does), and runs it with host networking to see the
 * slice answer oneM2M on loopback with exactly the selected functions. Skipped when no engine is reachable unless
 * {@code edgeslice.requireDocker=true} (CI), which makes that a failure.
 */
class SliceImageBuilderTest {

    private static final String REPO = "edgeslice-test/iot-slice";

    @TempDir
    Path work;

    @Test
    void composesPushesPullsAndRunsASliceImage() throws Exception {
        String dockerHost = System.getProperty("cloud.docker.host",
                System.getProperty("edgeslice.docker.host", "unix:///run/edgeslice/docker.sock"));
        String registryAddr = System.getProperty("cloud.csfr.registry", System.getProperty("edgeslice.registry", "127.0.0.1:5000"));
        boolean required = Boolean.getBoolean("edgeslice.requireDocker");
        Path artifactsDir = Path.of(System.getProperty("slice.artifacts", "../iot-slice-meapp/target"));
        try (SliceImageBuilder builder = new SliceImageBuilder(dockerHost)) {
            CsfrRegistry registry = new CsfrRegistry(registryAddr);
            boolean ready = builder.reachable() && registry.reachable()
                    && Files.isRegularFile(artifactsDir.resolve(SliceArtifacts.JAR));
            if (!ready) {
                if (required) {
                    fail("edgeslice.requireDocker=true but the engine " + dockerHost + ", the registry " + registryAddr
                            + " or the slice artifacts in " + artifactsDir + " are missing");
                }
                Assumptions.abort("no Docker Engine/registry/slice artifacts here");
            }
            DockerClient docker = builder.docker();
            FunctionSelection functions = FunctionSelection.parse(List.of("registration", "retrieve"));
            String reference = registryAddr + "/" + REPO + ":" + functions.tag();
            assertEquals("reg-ret", functions.tag());

            // per-function modules as the slice module would ship them: only the selected ones become layers
            Path composed = Files.createDirectories(work.resolve("artifacts"));
            Files.copy(artifactsDir.resolve(SliceArtifacts.JAR), composed.resolve(SliceArtifacts.JAR));
            Files.createDirectories(composed.resolve("lib"));
            for (Path l : SliceArtifacts.at(artifactsDir).libs()) {
                Files.copy(l, composed.resolve("lib").resolve(l.getFileName()));
            }
            for (String f : List.of("retrieve", "subscription")) {
                Path module = Files.createDirectories(composed.resolve("functions").resolve(f));
                Files.writeString(module.resolve(f + "-module.jar"), "not a real jar: " + f);
            }
            artifactsDir = composed;
            SliceImageBuilder.Built built = builder.buildAndPush(System.getProperty("cloud.slice.baseImage",
                    "edgeslice/jre17:2"), SliceArtifacts.at(artifactsDir), functions, reference, work.resolve("ctx"));
            System.out.println("ISSM: build " + built.buildMillis() + " ms, push " + built.pushMillis() + " ms");

            Map<String, String> labels = registry.labels(REPO, functions.tag()).orElseThrow();
            assertEquals("registration,retrieve", labels.get(SliceImageBuilder.FUNCTIONS_LABEL));
            assertEquals(SliceArtifacts.at(artifactsDir).digest(), labels.get(SliceImageBuilder.DIGEST_LABEL));
            assertEquals("retrieve", labels.get("org.edgeslice.slice.modules"),
                    "the retrieve module is a layer; the subscription module, not selected, is not");
            assertTrue(registry.tags(REPO).contains("reg-ret"));

            // the MEPM's side: the engine lacks the image and pulls it from the CSFR
            docker.removeImageCmd(reference).withForce(true).exec();
            long t0 = System.nanoTime();
            docker.pullImageCmd(registryAddr + "/" + REPO).withTag(functions.tag())
                    .exec(new PullImageResultCallback()).awaitCompletion(2, TimeUnit.MINUTES);
            System.out.println("ISSM: pull " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            InspectImageResponse image = docker.inspectImageCmd(reference).exec();
            assertTrue(Arrays.asList(image.getConfig().getEnv()).contains("SLICE_FUNCTIONS=registration,retrieve"),
                    Arrays.toString(image.getConfig().getEnv()));
            assertTrue(Arrays.stream(image.getConfig().getEnv()).noneMatch(e -> e.startsWith("SLICE_DATA_DIR=")),
                    "the MEPM's MEC_DATA_DIR (a host directory) must decide where the write-ahead log lives");

            // the image's own ENTRYPOINT with -Xshare:on, which makes the JVM fail instead of silently starting
            // without class-data sharing: the slice's archive must match the image's JRE and class path
            List<String> entrypoint = new java.util.ArrayList<>(Arrays.asList(image.getConfig().getEntrypoint()));
            assertTrue(entrypoint.contains("-XX:SharedArchiveFile=" + SliceImageBuilder.ARCHIVE), entrypoint.toString());
            entrypoint.add(1, "-Xshare:on");

            int port = freePort();
            String container = docker.createContainerCmd(reference).withEntrypoint(entrypoint)
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host").withInit(true))
                    .withEnv("SLICE_HTTP_PORT=" + port, "SLICE_PORT_REGISTRATION=-1", "SLICE_PORT_RETRIEVE=-1",
                            "SLICE_PORT_SUBSCRIPTION=-1", "SLICE_PORT_NOTIFICATION=-1")
                    .exec().getId();
            try {
                docker.startContainerCmd(container).exec();
                HttpResponse<String> cb = retrieveUntilUp("http://127.0.0.1:" + port + "/cse-slice", "CAdmin");
                assertEquals("2000", cb.headers().firstValue("X-M2M-RSC").orElse(""), cb.body());
                HttpResponse<String> sub = post("http://127.0.0.1:" + port + "/cse-slice", "CAdmin", 23,
                        "{\"m2m:sub\":{\"rn\":\"s\",\"nu\":[\"http://127.0.0.1:9/x\"]}}");
                assertEquals("5001", sub.headers().firstValue("X-M2M-RSC").orElse(""),
                        "the image holds no subscription function: " + sub.body());
            } finally {
                docker.removeContainerCmd(container).withForce(true).exec();
                // leave neither the engine nor the CSFR catalogue with a test image
                docker.removeImageCmd(reference).withForce(true).exec();
                assertTrue(registry.delete(REPO, functions.tag()), "test image deleted from the registry");
            }
        }
    }

    @Test
    void packageIsAnEtsiCsarWithTheAppD() throws IOException {
        FunctionSelection f = FunctionSelection.parse(List.of("retrieve", "registration", "notification", "subscription"));
        assertEquals("reg-ret-sub-not", f.tag());
        AppPackageWriter.Package p = AppPackageWriter.write(f, "127.0.0.1:5000/edgeslice/iot-slice:reg-ret-sub-not",
                "0123456789ab");
        Map<String, byte[]> entries = new java.util.TreeMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(p.zip()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        String meta = new String(entries.get("TOSCA-Metadata/TOSCA.meta"));
        String entry = meta.lines().filter(l -> l.startsWith("Entry-Definitions:")).findFirst().orElseThrow()
                .substring("Entry-Definitions:".length()).trim();
        var appD = org.edgeslice.support.json.Json.mapper().readValue(entries.get(entry),
                org.edgeslice.contract.mec010.pkgm.AppD.class);
        assertEquals(p.appD().appDId(), appD.appDId());
        assertEquals("iot-slice-reg-ret-sub-not-0123456789ab", appD.appDId());
        assertEquals("127.0.0.1:5000/edgeslice/iot-slice:reg-ret-sub-not", appD.swImageDescriptor().swImage());
        assertEquals(List.of("onem2m-registration", "onem2m-retrieve", "onem2m-subscription", "onem2m-notification"),
                appD.appServiceProduced().stream().map(s -> s.serName()).toList());
        assertEquals(100, appD.virtualComputeDescriptor().cpuMillis(), "a slice reserves 100m (CPU weight, no ceiling)");
        assertEquals(10, appD.terminateAppInstanceOpConfig().maxRecommendedGracefulTerminationTimeout());
        assertEquals(AppPackageWriter.sha256(p.zip()), p.sha256());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static HttpResponse<String> retrieveUntilUp(String url, String from) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("X-M2M-Origin", from)
                        .header("X-M2M-RI", "t").header("X-M2M-RVI", "3").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static HttpResponse<String> post(String url, String from, int ty, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("X-M2M-Origin", from).header("X-M2M-RI", "t")
                .header("X-M2M-RVI", "3").header("Content-Type", "application/json;ty=" + ty)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
