package org.edgeslice.meapp.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One blocking HTTP exchange through {@link HttpURLConnection} (connections kept alive by the JDK's keep-alive
 * cache), for an ME App's calls to the MEC platform (Mp1) and the handler's to the ISCL. {@code
 * java.net.http.HttpClient} hands every exchange to its selector and executor threads: in a freshly started app (a
 * slice taking over a standby container) those threads and their classes made each call cost a few milliseconds
 * more, on the path a device waits for.
 */
public final class BlockingHttp {

    /** An answer: status, headers (names in any case; the first value of each) and body (empty when none). */
    public record Reply(String method, URI uri, int status, Map<String, String> headers, byte[] body) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }

        public Optional<String> location() {
            return header("Location");
        }
    }

    private BlockingHttp() {
    }

    /**
     * @param body        the request body, or null for none
     * @param timeout     the longest wait for the answer (connecting: at most 3 s of it)
     * @param headers     request headers (name, value), besides {@code Accept: application/json}
     * @throws IOException the server could not be reached or did not answer in time
     */
    public static Reply exchange(String method, URI uri, byte[] body, String contentType, Duration timeout,
                                 Map<String, String> headers) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        try {
            c.setRequestMethod(method);
            int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            c.setConnectTimeout(Math.min(ms, 3_000));
            c.setReadTimeout(ms);
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setRequestProperty("Accept", "application/json");
            headers.forEach(c::setRequestProperty);
            if (body != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", contentType);
                c.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            Map<String, String> answerHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Map.Entry<String, List<String>> e : c.getHeaderFields().entrySet()) {
                if (e.getKey() != null && e.getValue() != null && !e.getValue().isEmpty()) {
                    answerHeaders.put(e.getKey(), e.getValue().get(0));
                }
            }
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            byte[] answer;
            if (in == null) {
                answer = new byte[0];
            } else {
                try (in) {
                    answer = in.readAllBytes(); // read to the end, so the connection goes back to the cache
                }
            }
            return new Reply(method, uri, status, answerHeaders, answer);
        } catch (IOException e) {
            c.disconnect();
            throw e;
        }
    }
}
