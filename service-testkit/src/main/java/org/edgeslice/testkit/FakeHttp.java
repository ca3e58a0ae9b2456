package org.edgeslice.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Answers of the fake peers tests run on {@code com.sun.net.httpserver} (a fake MEO, MEPM or MEC platform). */
public final class FakeHttp {

    private FakeHttp() {
    }

    /** {@code status} with {@code json} as an application/json body, or with no body when {@code json} is null. */
    public static void reply(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        exchange.close();
    }
}
