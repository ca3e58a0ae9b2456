package org.edgeslice.meapp.standby;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.edgeslice.meapp.json.RecordJson;

/**
 * The app side of a standby start (project extension, docs/interfaces.md "Standby containers"): the MEPM may start
 * an ME App's container <em>before</em> any app instance needs it, with {@code MEC_STANDBY_PORT} instead of the
 * instance's identity. The app boots, warms up, and waits on that loopback port for the MEPM to hand it an app
 * instance: {@code POST /standby/activation} with the MEC_* environment the instance's container would have been
 * created with. From then on the app starts exactly as if it had been created with that environment (Mp1
 * registration, confirm_ready, ...), which is what the MEPM waits for. The activation is written to the app's data
 * directory before it is acknowledged, so a restarted container (restartOnFailure, operate STARTED) comes back as
 * the same app instance without asking again.
 *
 * <p>{@code GET /standby} answers {@code {"state":"WARMING"}} until the warm-up has ended, then
 * {@code {"state":"READY"}}: the MEPM hands out only READY containers.
 */
public final class StandbyActivation {
    /** Environment variable: the loopback port of the standby control endpoint. */
    public static final String PORT_VARIABLE = "MEC_STANDBY_PORT";
    /** Where an accepted activation is kept, inside {@code MEC_DATA_DIR}. */
    public static final String FILE_NAME = "mec-activation.json";

    private static final System.Logger LOG = System.getLogger(StandbyActivation.class.getName());
    private static final int MAX_BODY = 64 * 1024;

    private StandbyActivation() {
    }

    /**
     * The environment the app runs with. Without {@code MEC_STANDBY_PORT} it is the process environment; with it,
     * the process environment overlaid by the activation, which is read from the data directory if one was
     * accepted before, or else awaited on the control port after {@code warmUp} has run.
     *
     * @param env    the process environment (System::getenv)
     * @param warmUp work that makes the first real requests fast (class loading, JIT); failures are logged only
     */
    public static Function<String, String> environment(Function<String, String> env, Runnable warmUp)
            throws IOException, InterruptedException {
        String port = env.apply(PORT_VARIABLE);
        if (port == null || port.isBlank()) {
            return env;
        }
        String dataDir = env.apply("MEC_DATA_DIR");
        if (dataDir == null || dataDir.isBlank()) {
            throw new IllegalStateException(PORT_VARIABLE + " needs MEC_DATA_DIR (the activation is kept there)");
        }
        Path file = Path.of(dataDir, FILE_NAME);
        Map<String, String> activation;
        if (Files.exists(file)) {
            activation = read(Files.readAllBytes(file));
            LOG.log(Level.INFO, "standby container restarted as app instance {0} (activation kept in {1})",
                    activation.get("MEC_APP_INSTANCE_ID"), file);
        } else {
            activation = await(Integer.parseInt(port.trim()), file, warmUp);
        }
        Map<String, String> overlay = Map.copyOf(activation);
        return key -> overlay.containsKey(key) ? overlay.get(key) : env.apply(key);
    }

    /**
     * A blocking loopback server of its own (TCP_NODELAY, one request per connection), not {@code Mp1CallbackServer}:
     * that one routes Mp1 notifications to listeners, while this endpoint must answer before the app has any of its
     * own machinery and must be gone once the activation is accepted.
     */
    private static Map<String, String> await(int port, Path file, Runnable warmUp) throws IOException, InterruptedException {
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            CompletableFuture<Void> warm = CompletableFuture.runAsync(() -> {
                long t0 = System.nanoTime();
                try {
                    warmUp.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "standby warm-up failed (the app still starts, only slower)", e);
                }
                LOG.log(Level.INFO, "standby: warmed up in {0} ms; waiting for an app instance on 127.0.0.1:{1}",
                        (System.nanoTime() - t0) / 1_000_000, String.valueOf(port));
            }, r -> {
                Thread t = new Thread(r, "standby-warm-up");
                t.setDaemon(true);
                t.start();
            });
            while (true) {
                try (Socket s = server.accept()) {
                    s.setTcpNoDelay(true);
                    s.setSoTimeout(5_000);
                    Map<String, String> accepted = serve(s, file, warm.isDone());
                    if (accepted != null) {
                        return accepted;
                    }
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "standby control request failed: {0}", e.getMessage());
                }
            }
        }
    }

    /** One request; returns the activation once one was accepted and kept. */
    private static Map<String, String> serve(Socket s, Path file, boolean warm) throws IOException {
        InputStream in = new BufferedInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        String requestLine = line(in);
        if (requestLine == null) {
            return null;
        }
        int length = 0;
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                length = Integer.parseInt(h.substring(colon + 1).trim());
            }
        }
        String[] parts = requestLine.split(" ");
        String method = parts[0];
        String path = parts.length > 1 ? parts[1] : "";
        if (path.equals("/standby") && method.equals("GET")) {
            respond(out, 200, "{\"state\":\"" + (warm ? "READY" : "WARMING") + "\"}");
            return null;
        }
        if (!path.equals("/standby/activation")) {
            respond(out, 404, problem(404, "Not Found", "only /standby and /standby/activation are served"));
            return null;
        }
        if (!method.equals("POST")) {
            respond(out, 405, problem(405, "Method Not Allowed", "POST an activation"));
            return null;
        }
        if (length <= 0 || length > MAX_BODY) {
            respond(out, 400, problem(400, "Bad Request", "a JSON object of MEC_* variables is required"));
            return null;
        }
        byte[] body = in.readNBytes(length);
        Map<String, String> activation;
        try {
            activation = read(body);
        } catch (IOException e) {
            respond(out, 400, problem(400, "Bad Request", "not a JSON object of strings: " + e.getMessage()));
            return null;
        }
        String bad = activation.keySet().stream().filter(k -> !k.startsWith("MEC_") || k.equals(PORT_VARIABLE))
                .findFirst().orElse(null);
        if (bad != null || !activation.containsKey("MEC_APP_INSTANCE_ID")) {
            respond(out, 400, problem(400, "Bad Request", bad != null ? "not an activation variable: " + bad
                    : "MEC_APP_INSTANCE_ID is required"));
            return null;
        }
        keep(file, body);
        respond(out, 202, "{\"appInstanceId\":\"" + activation.get("MEC_APP_INSTANCE_ID").replace("\"", "") + "\"}");
        LOG.log(Level.INFO, "standby: activated as app instance {0}", activation.get("MEC_APP_INSTANCE_ID"));
        return activation;
    }

    /** Written to a temporary file, forced to disk and renamed: a crash leaves either nothing or all of it. */
    private static void keep(Path file, byte[] body) throws IOException {
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(body));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Map<String, String> read(byte[] json) throws IOException {
        Map<String, String> m = RecordJson.readStringMap(json);
        if (m == null) {
            throw new IOException("null");
        }
        return m;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                int n = b.length();
                return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
            }
            if (b.length() > 8192) {
                throw new IOException("header line too long");
            }
            b.append((char) c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static String problem(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail.replace("\\", "\\\\").replace("\"", "'") + "\"}";
    }

    private static void respond(OutputStream out, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String type = status >= 400 ? "application/problem+json" : "application/json";
        String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: " + type + "\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        out.write(all);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 202 -> "Accepted";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            default -> "Status";
        };
    }
}
