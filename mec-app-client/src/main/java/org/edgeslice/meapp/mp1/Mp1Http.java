package org.edgeslice.meapp.mp1;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One blocking HTTP exchange with the MEC platform through {@link HttpURLConnection} (connections kept alive by the
 * JDK's keep-alive cache). {@code java.net.http.HttpClient} hands every exchange to its selector and executor
 * threads: in a freshly started app (a slice taking over a standby container) those threads and their classes made
 * each Mp1 call cost a few milliseconds more, on the path a device waits for.
 */
final class Mp1Http {

    /** An answer: status, body (empty when none) and the Location header. */
    record Reply(String method, URI uri, int status, byte[] body, Optional<String> location) {
    }

    private Mp1Http() {
    }

    /**
     * @param headers request headers (name, value), besides {@code Accept: application/json}
     * @throws IOException the platform could not be reached or did not answer in time
     */
    static Reply exchange(String method, URI uri, byte[] body, String contentType, Duration timeout,
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
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            byte[] answer;
            if (in == null) {
                answer = new byte[0];
            } else {
                try (in) {
                    answer = in.readAllBytes(); // read to the end, so the connection goes back to the cache
                }
            }
            return new Reply(method, uri, status, answer, Optional.ofNullable(c.getHeaderField("Location")));
        } catch (IOException e) {
            c.disconnect();
            throw e;
        }
    }
}
