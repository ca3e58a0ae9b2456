package org.edgeslice.cloud.ciss;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.edgeslice.onem2m.binding.HttpRequestView;
import org.edgeslice.onem2m.binding.HttpResponseView;

/**
 * The CISS's oneM2M HTTP binding (TS-0009) under {@code /cse}: a thin adapter from the servlet request to the
 * engine's {@code HttpBinding} (structured {@code /cloud/cse/in-cse/...}, SP-relative {@code /cloud/cse/~/id-in/...},
 * absolute {@code /cloud/cse/_/...}). Retrieves of resources of a REDIRECT-mode offloaded task are answered by the
 * slice ({@link CseGateway}).
 */
@WebServlet(urlPatterns = "/cse/*", loadOnStartup = 1)
public class CseServlet extends HttpServlet {

    @Inject
    CseGateway gateway;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, req.getHeader(name));
        }
        byte[] body = req.getInputStream().readAllBytes();
        HttpRequestView view = new HttpRequestView(req.getMethod(), req.getRequestURI(), req.getQueryString(),
                headers, body, req.getRemoteAddr());
        HttpResponseView out = gateway.handle(view, req.getContextPath() + "/cse");
        resp.setStatus(out.status());
        out.headers().forEach(resp::setHeader);
        if (out.body().length > 0) {
            resp.setContentLength(out.body().length);
            resp.getOutputStream().write(out.body());
        } else {
            resp.setContentLength(0);
        }
    }
}
