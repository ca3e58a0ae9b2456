package org.edgeslice.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * End to end, reduced: the harness starts two standalone slice processes from the built jar (edge, and the cloud's
 * stand-in) and WAN emulator processes, all on 127.0.0.1 with free ports, and runs every experiment once with tiny
 * samples.
 */
class PaperBenchSmokeTest {
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void reducedRunMeasuresBothPathsAndWritesResultsAndPlots() throws Exception {
        Path jar = Path.of(System.getProperty("eval.sliceJar", "../iot-slice-meapp/target/iot-slice-meapp.jar"));
        assertTrue(Files.isRegularFile(jar), "the slice jar must be built first (mvn -pl evaluation -am install): "
                + jar.toAbsolutePath());
        Path out = Path.of("target", "smoke");
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("results.json"));
        BenchOptions o = BenchOptions.parse(new String[] {"--quick", "--out", out.toString(), "--slice-jar",
            jar.toString(), "--samples", "20", "--large-samples", "40", "--sweep", "2", "--sweep-samples", "10",
            "--concurrency", "3", "--rounds", "2", "--preparation-runs", "1", "--scale-max", "1", "--warmup", "300"});
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new PaperBench(o, new PrintStream(text, true, StandardCharsets.UTF_8)).run();
        String printed = text.toString(StandardCharsets.UTF_8);
        System.out.print(printed);

        JsonNode r = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        JsonNode paper = r.path("paper");
        assertEquals(4, paper.size(), "paper sample and larger sample, create and retrieve");
        for (JsonNode row : paper) {
            double edge = row.path("edge").path("p50").asDouble();
            double cloud = row.path("cloud").path("p50").asDouble();
            assertTrue(cloud >= 8.0, "the cloud path carries the emulated 8 ms RTT: " + row);
            assertTrue(edge > 0 && edge < cloud, "the edge is faster than the cloud: " + row);
        }
        assertTrue(r.path("floor").path("create").path("summary").path("p50").asDouble() > 0);
        assertTrue(r.path("emulatorOverhead").has("addedP50Ms"));
        assertEquals(2, r.path("sweep").size());
        assertTrue(r.path("sweep").get(0).path("cloud").path("p50").asDouble() >= 2.0);
        assertEquals(2, r.path("concurrency").size());
        assertEquals(1, r.path("slicePreparation").path("runs").size());
        assertEquals(1, r.path("scale").path("points").size());
        assertTrue(r.path("scale").path("points").get(0).path("rssKiB").asLong() > 0);
        assertTrue(printed.contains("Paper experiments"));
        for (String png : new String[] {"fig10-create.png", "fig11-retrieve.png", "fig12-slice-preparation.png",
            "rtt-sweep.png", "concurrency.png", "scale.png"}) {
            assertTrue(Files.size(out.resolve(png)) > 1000, png);
        }
    }
}
