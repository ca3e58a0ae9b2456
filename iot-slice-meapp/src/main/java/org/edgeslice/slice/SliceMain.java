package org.edgeslice.slice;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import org.edgeslice.meapp.standby.StandbyActivation;
import org.edgeslice.meapp.mp1.Mp1Settings;
import org.edgeslice.slice.config.SliceConfig;
import org.edgeslice.slice.logging.NettySystemLoggerFactory;
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
        long mainEntered = System.nanoTime();
        NettySystemLoggerFactory.install(); // before any Netty class logs (see there)
        if (System.getProperty("io.netty.jfr.enabled") == null) {
            // the slice records no Netty buffer events; Netty's check for them loads the JDK's flight recorder
            System.setProperty("io.netty.jfr.enabled", "false");
        }
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
            // a standby container (started by the MEPM before an app instance needs it) warms up and waits for
            // its app instance's environment; any other start runs with the process environment as it is
            Function<String, String> processEnv = System::getenv;
            Function<String, String> env = StandbyActivation.environment(processEnv, SliceMain::warmUp);
            if (env != processEnv) {
                mainEntered = System.nanoTime(); // the slice's own start counts from the activation
            }
            SliceConfig config = SliceConfig.from(propertyOr(env));
            PlatformLifecycle platform = PlatformSelection.of(config, Mp1Settings.from(env));
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

    /** A system property ({@code slice.http.port}) wins over the variable ({@code SLICE_HTTP_PORT}), as before. */
    private static Function<String, String> propertyOr(Function<String, String> env) {
        return key -> {
            String prop = System.getProperty(key.toLowerCase(Locale.ROOT).replace('_', '.'));
            return prop != null ? prop : env.apply(key);
        };
    }

    /**
     * A standby slice's warm-up: the class-data-sharing training walk (a slice on throw-away ports serving a
     * device's requests and starting as an ME App against a stand-in platform), several times, so that the
     * classes are loaded and the hot paths compiled before an app instance is handed over.
     */
    private static void warmUp() {
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            try {
                CdsTraining.run();
            } catch (Exception e) {
                throw new IllegalStateException("warm-up round " + (i + 1) + " failed", e);
            }
        }
        // the warm-up's garbage would otherwise stay in the heap of a container that may wait long: a full
        // collection lets the serial collector give the memory back
        System.gc();
    }

    private static final int WARM_UP_ROUNDS = Integer.getInteger("slice.standby.warmup.rounds", 5);
}
