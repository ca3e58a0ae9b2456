package org.edgeslice.slice.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.edgeslice.onem2m.binding.HttpBinding;
import org.edgeslice.onem2m.binding.HttpRequestView;
import org.edgeslice.onem2m.binding.HttpResponseView;

/**
 * Adapts whole HTTP requests (joined by the connection's {@link RequestAssembler}) to the engine's framework-free {@link HttpBinding}. Requests that may
 * wait on the network (subscription create/update send verification requests; NOTIFY is forwarded) run on a
 * separate executor so they never stall an event loop; everything else runs on the event loop, which is the
 * fastest path for the in-memory engine. One {@code writeAndFlush} of one buffer per response.
 */
@ChannelHandler.Sharable
final class SliceHttpHandler extends SimpleChannelInboundHandler<RequestAssembler.Assembled> {
    private static final System.Logger LOG = System.getLogger(SliceHttpHandler.class.getName());

    private final HttpBinding binding;
    private final Executor blocking;
    private final java.util.concurrent.atomic.LongAdder served;

    SliceHttpHandler(HttpBinding binding, Executor blocking, java.util.concurrent.atomic.LongAdder served) {
        this.binding = binding;
        this.blocking = blocking;
        this.served = served;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RequestAssembler.Assembled assembled) {
        served.increment();
        HttpRequest req = assembled.head();
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        if (assembled.malformed()) {
            write(ctx, malformed(), false, false);
            return;
        }
        HttpRequestView view = toView(req, assembled.body(), peer(ctx));
        boolean head = req.method() == HttpMethod.HEAD; // its answer has a Content-Length but no body (RFC 9110)
        if (mayBlock(view)) {
            try {
                blocking.execute(() -> write(ctx, binding.handle(view), keepAlive, head));
            } catch (RejectedExecutionException e) {
                ctx.close(); // shutting down
            }
        } else {
            write(ctx, binding.handle(view), keepAlive, head);
        }
    }

    /**
     * The peer's IP address literal, for {@code acip} access control contexts; worked out once per connection
     * (a channel attribute), not per request.
     */
    private static String peer(ChannelHandlerContext ctx) {
        io.netty.util.Attribute<String> cached = ctx.channel().attr(PEER);
        String peer = cached.get();
        if (peer == null) {
            peer = ctx.channel().remoteAddress() instanceof java.net.InetSocketAddress a && a.getAddress() != null
                    ? a.getAddress().getHostAddress() : "";
            cached.set(peer);
        }
        return peer.isEmpty() ? null : peer;
    }

    private static final io.netty.util.AttributeKey<String> PEER = io.netty.util.AttributeKey.valueOf("peer");

    private static HttpRequestView toView(HttpRequest req, byte[] body, String peer) {
        String uri = req.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? null : uri.substring(q + 1);
        HttpRequestView.LowerCaseHeaders headers = new HttpRequestView.LowerCaseHeaders(req.headers().size());
        for (Iterator<Map.Entry<String, String>> it = req.headers().iteratorAsString(); it.hasNext(); ) {
            Map.Entry<String, String> e = it.next();
            headers.add(e.getKey(), e.getValue());
        }
        return new HttpRequestView(req.method().name(), path, query, headers, body, peer);
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
        String compact = ct.indexOf(' ') < 0 ? ct : ct.replace(" ", "");
        int ty = compact.indexOf(";ty=");
        return ty < 0 || compact.startsWith("23", ty + 4) && (compact.length() == ty + 6
                || compact.charAt(ty + 6) == ';');
    }

    /**
     * Writes the response as one buffer, encoded here: status line, the engine's headers, Content-Length and
     * Connection, body. Netty's response objects and encoder cost about a tenth of a create's CPU (a header map
     * per response, then encoding it); the engine's header names are ours and its values come from the engine or
     * from request headers the decoder already split into lines, so they need no re-validation. The buffer goes
     * out from the encoder's place in the pipeline, i.e. past it (see SliceHttpServer).
     */
    private static void write(ChannelHandlerContext ctx, HttpResponseView r, boolean keepAlive, boolean head) {
        byte[] body = r.body();
        ByteBuf buf = ctx.alloc().ioBuffer(160 + (head ? 0 : body.length)); // what the transport writes from
        buf.writeBytes(statusLine(r.status()));
        r.headers().forEach((k, v) -> {
            buf.writeCharSequence(k, StandardCharsets.ISO_8859_1);
            buf.writeByte(':').writeByte(' ');
            buf.writeCharSequence(v, StandardCharsets.ISO_8859_1);
            buf.writeByte('\r').writeByte('\n');
        });
        buf.writeBytes(CONTENT_LENGTH);
        ByteBufUtil.writeAscii(buf, Integer.toString(body.length));
        buf.writeBytes(keepAlive ? KEEP_ALIVE : CLOSE);
        if (!head) {
            buf.writeBytes(body);
        }
        ChannelHandlerContext out = ctx.pipeline().context(HttpResponseEncoder.class);
        if (out == null) {
            buf.release(); // the channel is closing and its handlers are gone
            return;
        }
        if (keepAlive) {
            out.writeAndFlush(buf, out.voidPromise());
        } else {
            out.writeAndFlush(buf).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEEP_ALIVE = "\r\nConnection: keep-alive\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] STATUS_LINES = new byte[600][];

    /** {@code HTTP/1.1 201 Created\r\n}, made once per status code. */
    private static byte[] statusLine(int status) {
        if (status < 100 || status >= STATUS_LINES.length) {
            return ("HTTP/1.1 " + HttpResponseStatus.valueOf(status) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        }
        byte[] line = STATUS_LINES[status];
        if (line == null) {
            line = ("HTTP/1.1 " + HttpResponseStatus.valueOf(status) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            STATUS_LINES[status] = line; // a benign race: every thread makes the same bytes
        }
        return line;
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
