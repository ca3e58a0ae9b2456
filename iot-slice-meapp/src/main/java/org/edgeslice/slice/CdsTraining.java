package org.edgeslice.slice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.edgeslice.slice.bench.RawHttpConnection;
import org.edgeslice.slice.config.SliceConfig;
import org.edgeslice.meapp.mp1.Mp1Settings;
import org.edgeslice.meapp.standby.StandbyActivation;
import org.edgeslice.slice.platform.PlatformLifecycle;
import org.edgeslice.slice.platform.PlatformSelection;
import org.edgeslice.slice.platform.StandalonePlatformLifecycle;

/**
 * A training run for the slice's class-data-sharing archive, which halves the slice's start-up CPU:
 * <pre>
 * java -Xshare:off -XX:DumpLoadedClassList=slice.classlist -jar iot-slice-meapp.jar --train      # once, e.g. in
 * java -Xshare:dump -XX:SharedClassListFile=slice.classlist -XX:SharedArchiveFile=slice.jsa \    # the image build
 *      -jar iot-slice-meapp.jar
 * java -XX:SharedArchiveFile=slice.jsa -jar iot-slice-meapp.jar                                 # every start
 * </pre>
 * It starts a slice on free loopback ports with a throw-away data directory, sends the requests a device sends
 * (register, create container and instances, retrieve latest, discover, delete) so their classes are loaded, and
 * stops; the JVM writes the list of the classes it loaded on exit. With {@code -Dslice.train.platform=standalone}
 * the slice starts without a MEC platform, for an archive of a standalone slice only.
 */
final class CdsTraining {
    private CdsTraining() {
    }

    static void run() throws Exception {
        Path dir = Files.createTempDirectory("slice-cds-training");
        Map<String, String> env = new HashMap<>();
        env.put("SLICE_HTTP_PORT", "0");
        for (var f : SliceConfig.PORTED) {
            env.put("SLICE_PORT_" + f.name(), "0");
        }
        env.put("SLICE_DATA_DIR", dir.toString());
        env.put("SLICE_CSE_NAME", "cse-train");
        if ("standalone".equals(System.getProperty("slice.train.platform"))) {
            // a slice that never talks Mp1 (./mec slice, ./mec bench cse): the archive without the Mp1 client's
            // classes is half the size, and a relocated archive is resident as a whole. The start-up path of
            // SliceMain is walked as it is (standby check, platform selection: standalone without MEC_*), so that
            // what every start loads is in the archive.
            Function<String, String> startEnv = StandbyActivation.environment(env::get, () -> { });
            SliceConfig config = SliceConfig.from(startEnv);
            train(config, PlatformSelection.of(config, Mp1Settings.from(startEnv)), dir);
            return;
        }
        // the slice starts as an ME App against a stand-in platform, so that the Mp1 path is in the archive too
        Map<String, String> mec = new HashMap<>();
        try (TrainingMecPlatform platform = new TrainingMecPlatform()) {
            mec.put("MEC_MP1_URL", platform.url());
            mec.put("MEC_APP_INSTANCE_ID", "cds-training");
            mec.put("MEC_CLIENT_ID", "cds-training");
            mec.put("MEC_CLIENT_SECRET", "cds-training");
            mec.put("MEC_PORTS", "mp1=0");
            SliceConfig config = SliceConfig.from(env::get);
            PlatformLifecycle mp1;
            try {
                mp1 = PlatformSelection.of(config, Mp1Settings.from(mec::get));
            } catch (RuntimeException e) {
                mp1 = new StandalonePlatformLifecycle();
            }
            train(config, mp1, dir);
        }
    }

    private static void train(SliceConfig config, PlatformLifecycle platform, Path dir) throws Exception {
        try (Slice slice = Slice.start(config, platform);
             RawHttpConnection c = new RawHttpConnection("127.0.0.1", slice.endpoints().mainPort())) {
            String h = "127.0.0.1";
            c.exchange(RawHttpConnection.request("POST", h, "/cse-train", "Ctrain", "application/json;ty=2",
                    "{\"m2m:ae\":{\"rn\":\"t\",\"api\":\"Ntrain.a.b\",\"rr\":false,\"srv\":[\"3\"]}}"));
            c.exchange(RawHttpConnection.request("POST", h, "/cse-train/t", "Ctrain", "application/json;ty=3",
                    "{\"m2m:cnt\":{\"rn\":\"c\",\"mni\":2}}"));
            for (int i = 0; i < 3; i++) {
                c.exchange(RawHttpConnection.request("POST", h, "/cse-train/t/c", "Ctrain", "application/json;ty=4",
                        "{\"m2m:cin\":{\"con\":\"" + i + "\"}}"));
            }
            c.exchange(RawHttpConnection.request("GET", h, "/cse-train/t/c/la", "Ctrain", null, null));
            c.exchange(RawHttpConnection.request("GET", h, "/cse-train?fu=1&ty=4", "Ctrain", null, null));
            c.exchange(RawHttpConnection.request("PUT", h, "/cse-train/t/c", "Ctrain", "application/json",
                    "{\"m2m:cnt\":{\"mni\":3}}"));
            c.exchange(RawHttpConnection.request("GET", h, "/cse-train/t/c?bad=1", "Ctrain", null, null));
            c.exchange(RawHttpConnection.request("DELETE", h, "/cse-train/t", "Ctrain", null, null));
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }
}
