package org.edgeslice.slice;

import java.lang.System.Logger.Level;
import java.time.Duration;
import org.edgeslice.meapp.mp1.Mp1Settings;
import org.edgeslice.slice.config.SliceConfig;
import org.edgeslice.slice.platform.Mp1PlatformLifecycle;
import org.edgeslice.slice.platform.PlatformSelection;
import org.edgeslice.slice.platform.PlatformLifecycle;

/**
 * Entry point of the IoT slice ME App: {@code java -jar iot-slice-meapp.jar} ({@code --train} for a
 * class-data-sharing training run, see {@link CdsTraining}). Configuration comes from the
 * environment and system properties (see {@link SliceConfig}). Exits with status 1 if the slice cannot start
 * (e.g. a port is taken), so a container runtime sees the failure.
 */
public final class SliceMain {
    private SliceMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format",
                    "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        }
        long mainEntered = System.nanoTime();
        System.Logger log = System.getLogger(SliceMain.class.getName());
        try {
            if (args.length > 0 && args[0].equals("--train")) {
                try {
                    CdsTraining.run(); // see CdsTraining: creates the class-data-sharing archive on exit
                } catch (Exception e) {
                    // the image build runs this step: a failed training must not fail the slice image, it only
                    // leaves an archive with fewer classes (the JVM writes what was loaded on exit)
                    log.log(Level.WARNING, "class-data-sharing training run failed; archive incomplete", e);
                }
                System.exit(0);
            }
            SliceConfig config = SliceConfig.fromEnvironment();
            PlatformLifecycle platform = PlatformSelection.of(config, Mp1Settings.fromEnvironment());
            Slice[] started = new Slice[1];
            if (platform instanceof Mp1PlatformLifecycle mp1) {
                // final sync on termination: deliver the notifications still queued for the cloud, then exit
                mp1.onTermination(() -> {
                    if (started[0] != null) {
                        started[0].engine().drainNotifications(5_000);
                    }
                }, action -> new Thread(() -> System.exit(0), "slice-exit").start());
            }
            Slice slice = Slice.start(config, platform);
            started[0] = slice;
            Runtime.getRuntime().addShutdownHook(new Thread(slice::close, "slice-shutdown"));
            long sinceMain = (System.nanoTime() - mainEntered) / 1_000_000;
            // process start time from /proc has only one-second precision, so report CPU time instead
            long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            log.log(Level.INFO, "slice " + config.cseName() + " ready: " + sinceMain + " ms in main, " + cpu
                    + " ms CPU since process start; functions [" + config.functions() + "], endpoints "
                    + slice.endpoints());
        } catch (Exception e) {
            log.log(Level.ERROR, "slice failed to start", e);
            System.exit(1);
        }
    }
}
