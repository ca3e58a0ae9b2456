package org.edgeslice.slice.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One per connection: joins a decoded request's head and body parts into one {@link Assembled} request for the
 * shared {@link SliceHttpHandler}, in place of Netty's {@code HttpObjectAggregator}, which builds a composite
 * buffer and a full-request object per request only for the handler to copy the body out again (a few percent
 * of a create's CPU). Same limits: a body over {@code maxBody} bytes gets 413 and the connection is closed;
 * {@code Expect: 100-continue} gets its {@code 100 Continue}.
 */
final class RequestAssembler extends ChannelInboundHandlerAdapter {
    /** A whole request: its head, its body (never null), and whether the decoder rejected it. */
    record Assembled(HttpRequest head, byte[] body, boolean malformed) {
    }

    private static final byte[] EMPTY = new byte[0];
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TOO_LARGE = ("HTTP/1.1 413 Request Entity Too Large\r\nContent-Length: 0\r\n"
            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final int maxBody;
    private HttpRequest head; // null between requests and while the rest of a refused request is discarded
    private byte[] body = EMPTY;
    private int size;

    RequestAssembler(int maxBody) {
        this.maxBody = maxBody;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                head = null;
                if (!request.decoderResult().isSuccess()) {
                    ctx.fireChannelRead(new Assembled(request, EMPTY, true));
                    return;
                }
                long declared = HttpUtil.getContentLength(request, -1L);
                if (declared > maxBody) {
                    refuse(ctx);
                    return;
                }
                if (HttpUtil.is100ContinueExpected(request)) {
                    write(ctx, CONTINUE, false);
                }
                head = request;
                // sized by Content-Length, but a declared size alone never reserves more than 64 KiB: the rest
                // grows with the bytes that really arrive
                body = declared > 0 ? new byte[(int) Math.min(declared, 64 * 1024)] : EMPTY;
                size = 0;
            }
            if (msg instanceof HttpContent content && head != null) {
                if (!content.decoderResult().isSuccess()) {
                    HttpRequest failed = head;
                    head = null;
                    ctx.fireChannelRead(new Assembled(failed, EMPTY, true));
                    return;
                }
                if (!append(content.content())) {
                    head = null;
                    refuse(ctx);
                    return;
                }
                if (msg instanceof LastHttpContent) {
                    HttpRequest done = head;
                    byte[] bytes = size == body.length ? body : Arrays.copyOf(body, size);
                    head = null;
                    body = EMPTY;
                    ctx.fireChannelRead(new Assembled(done, bytes, false));
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** @return false if the body would exceed {@code maxBody} */
    private boolean append(ByteBuf part) {
        int n = part.readableBytes();
        if (n == 0) {
            return true;
        }
        if ((long) size + n > maxBody) {
            return false;
        }
        if (size + n > body.length) {
            body = Arrays.copyOf(body, Math.min(maxBody, Math.max(size + n, body.length * 2)));
        }
        part.getBytes(part.readerIndex(), body, size, n);
        size += n;
        return true;
    }

    private static void refuse(ChannelHandlerContext ctx) {
        write(ctx, TOO_LARGE, true);
    }

    /** Raw response bytes, written past the response encoder as {@link SliceHttpHandler} does. */
    private static void write(ChannelHandlerContext ctx, byte[] bytes, boolean close) {
        ChannelHandlerContext out = ctx.pipeline().context(HttpResponseEncoder.class);
        if (out == null) {
            return; // closing
        }
        if (close) {
            out.writeAndFlush(Unpooled.wrappedBuffer(bytes)).addListener(ChannelFutureListener.CLOSE);
        } else {
            out.writeAndFlush(Unpooled.wrappedBuffer(bytes), out.voidPromise());
        }
    }
}
