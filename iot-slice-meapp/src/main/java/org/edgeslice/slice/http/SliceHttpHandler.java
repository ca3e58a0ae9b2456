package org.edgeslice.slice.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.edgeslice.onem2m.binding.HttpBinding;
import org.edgeslice.onem2m.binding.HttpRequestView;
import org.edgeslice.onem2m.binding.HttpResponseView;

/**
 * Adapts Netty's aggregated HTTP requests to the engine's framework-free {@link HttpBinding}. Requests that may
 * wait on the network (subscription create/update send verification requests; NOTIFY is forwarded) run on a
 * separate executor so they never stall an event loop; everything else runs on the event loop, which is the
 * fastest path for the in-memory engine. One {@code writeAndFlush} per response.
 */
@ChannelHandler.Sharable
final class SliceHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final System.Logger LOG = System.getLogger(SliceHttpHandler.class.getName());

    private static final HttpHeadersFactory RESPONSE_HEADERS = DefaultHttpHeadersFactory.headersFactory()
            .withValidation(false);
    private static final HttpHeadersFactory TRAILERS = DefaultHttpHeadersFactory.trailersFactory()
            .withValidation(false);

    private final HttpBinding binding;
    private final Executor blocking;

    SliceHttpHandler(HttpBinding binding, Executor blocking) {
        this.binding = binding;
        this.blocking = blocking;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        if (!req.decoderResult().isSuccess()) {
            write(ctx, malformed(), false);
            return;
        }
        HttpRequestView view = toView(req);
        if (mayBlock(view)) {
            try {
                blocking.execute(() -> write(ctx, binding.handle(view), keepAlive));
            } catch (RejectedExecutionException e) {
                ctx.close(); // shutting down
            }
        } else {
            write(ctx, binding.handle(view), keepAlive);
        }
    }

    private static HttpRequestView toView(FullHttpRequest req) {
        String uri = req.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? null : uri.substring(q + 1);
        Map<String, String> headers = new HashMap<>();
        req.headers().forEach(e -> headers.putIfAbsent(e.getKey(), e.getValue()));
        byte[] body = ByteBufUtil.getBytes(req.content());
        return new HttpRequestView(req.method().name(), path, query, headers, body);
    }

    /** PUT (a subscription may get new targets to verify), POST with ty=23, POST without ty (NOTIFY). */
    private static boolean mayBlock(HttpRequestView v) {
        if (v.method().equals("PUT")) {
            return true;
        }
        if (!v.method().equals("POST")) {
            return false;
        }
        String ct = v.header("Content-Type");
        if (ct == null) {
            return false;
        }
        String compact = ct.replace(" ", "");
        return !compact.contains(";ty=") || compact.contains(";ty=23");
    }

    private static void write(ChannelHandlerContext ctx, HttpResponseView r, boolean keepAlive) {
        // header validation off: names are ours and values come from the engine or from request headers the
        // decoder already accepted, so re-validating every value per response is wasted work
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(r.status()), Unpooled.wrappedBuffer(r.body()), RESPONSE_HEADERS,
                TRAILERS);
        r.headers().forEach((k, v) -> res.headers().set(k, v));
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        if (keepAlive) {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(res, ctx.voidPromise());
        } else {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static HttpResponseView malformed() {
        return new HttpResponseView(400, Map.of("X-M2M-RSC", "4000", "Content-Type", "application/json"),
                "{\"m2m:dbg\":\"malformed HTTP request\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.DEBUG, "connection error", cause);
        ctx.close();
    }
}
