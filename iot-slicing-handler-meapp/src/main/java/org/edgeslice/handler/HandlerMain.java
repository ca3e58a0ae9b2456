package org.edgeslice.handler;

import java.lang.System.Logger.Level;
import java.time.Clock;
import org.edgeslice.handler.config.HandlerConfig;

/**
 * Entry point of the IoT Slicing Handler ME App: {@code java -jar iot-slicing-handler-meapp.jar}. Configuration from
 * the environment (see {@link HandlerConfig}). Exits with 1 when it cannot start; exits with 0 after confirming a
 * termination announced by the MEC platform.
 */
public final class HandlerMain {
    private HandlerMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        }
        System.Logger log = System.getLogger(HandlerMain.class.getName());
        try {
            HandlerConfig config = HandlerConfig.fromEnvironment();
            SlicingHandler handler = SlicingHandler.start(config, Clock.systemUTC(), action -> {
                log.log(Level.INFO, "termination confirmed ({0}); exiting", action);
                new Thread(() -> System.exit(0), "handler-exit").start();
            });
            Runtime.getRuntime().addShutdownHook(new Thread(handler::close, "handler-shutdown"));
        } catch (Exception e) {
            log.log(Level.ERROR, "slicing handler failed to start", e);
            System.exit(1);
        }
    }
}
