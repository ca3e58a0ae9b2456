package org.edgeslice.slice.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.notification.HttpNotificationSender;
import org.edgeslice.onem2m.notification.NotificationSender;

/**
 * The slice's {@link NotificationSender}: NOTIFY as an HTTP POST (TS-0009 §6.2.3: {@code Content-Type:
 * application/json} without {@code ty}) over Netty, which the slice runs anyway, with kept-alive connections per
 * receiver ({@code host:port}), one request in flight on each. {@code https} targets go to the engine's
 * {@link HttpNotificationSender} (the JDK client, built on first use).
 *
 * <p>Why not the JDK client for everything: a slice that synchronises with the cloud (every CIN created at the edge
 * is notified to the CISS) would load java.net.http, some 400 classes and a selector thread, about 8 MB of
 * resident memory that stays for the slice's life (docs/evaluation.md "Slice idle RSS").
 */
public final class NettyNotificationSender implements NotificationSender {
    private static final AttributeKey<CompletableFuture<FullHttpResponse>> PENDING =
            AttributeKey.valueOf("edgeslice.notify.pending");
    private static final int MAX_RESPONSE = 1024 * 1024; // answers to NOTIFY are small; a bound, not a size

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final String releaseVersion;
    private final Map<String, Deque<Channel>> idle = new HashMap<>();
    private EventLoopGroup group; // started on the first notification: a slice that never notifies has no thread
    private Bootstrap bootstrap;
    private HttpNotificationSender tls;
    private boolean closed;

    public NettyNotificationSender(Duration connectTimeout, Duration requestTimeout, String releaseVersion) {
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.releaseVersion = releaseVersion;
    }

    public NettyNotificationSender() {
        this(Duration.ofSeconds(2), Duration.ofSeconds(5), "3");
    }

    @Override
    public DeliveryResult send(URI target, String originator, String requestId, JsonNode body) {
        return send(target, originator, requestId, body, null);
    }

    @Override
    public DeliveryResult send(URI target, String originator, String requestId, JsonNode body, String rvi) {
        String scheme = target.getScheme();
        if ("https".equalsIgnoreCase(scheme)) {
            return tls().send(target, originator, requestId, body, rvi);
        }
        if (!"http".equalsIgnoreCase(scheme) || target.getHost() == null) {
            return DeliveryResult.failed("unsupported target " + target);
        }
        int port = target.getPort() < 0 ? 80 : target.getPort();
        String key = target.getHost() + ":" + port;
        String path = (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        byte[] json = Json.write(body);
        try {
            Channel reused = takeIdle(key);
            if (reused != null) {
                try {
                    return exchange(reused, key, request(key, path, originator, requestId, rvi, json));
                } catch (StaleConnection e) {
                    // the kept-alive connection was closed before the request went out: once more on a new one
                    // (not when it closed after: the receiver may have processed the NOTIFY; the notification
                    // service retries a failed delivery later, as for any other failure)
                }
            }
            return exchange(connect(target.getHost(), port), key, request(key, path, originator, requestId, rvi,
                    json));
        } catch (IOException e) {
            return DeliveryResult.failed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.failed("interrupted");
        }
    }

    private FullHttpRequest request(String hostPort, String path, String originator, String requestId, String rvi,
                                    byte[] json) {
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, path,
                Unpooled.wrappedBuffer(json));
        req.headers().set(HttpHeaderNames.HOST, hostPort)
                .set("X-M2M-Origin", originator)
                .set("X-M2M-RI", requestId)
                .set("X-M2M-RVI", rvi != null ? rvi : releaseVersion)
                .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .set(HttpHeaderNames.ACCEPT, "application/json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, json.length);
        return req;
    }

    /** Sends on {@code ch} and waits for the answer; the connection goes back to the pool if it stays open. */
    private DeliveryResult exchange(Channel ch, String key, FullHttpRequest req)
            throws IOException, InterruptedException {
        CompletableFuture<FullHttpResponse> answer = new CompletableFuture<>();
        ch.attr(PENDING).set(answer);
        ch.writeAndFlush(req).addListener(f -> {
            if (!f.isSuccess()) {
                answer.completeExceptionally(new StaleConnection("cannot send to " + key + ": " + f.cause()));
            }
        });
        FullHttpResponse res;
        try {
            res = answer.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            abandon(ch, answer);
            if (e instanceof InterruptedException) {
                throw (InterruptedException) e;
            }
            throw new IOException("no answer from " + key + " within " + requestTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            ch.close();
            throw e.getCause() instanceof StaleConnection stale ? stale
                    : new IOException(key + ": " + e.getCause(), e.getCause());
        }
        try {
            if (HttpUtil.isKeepAlive(res) && ch.isActive()) {
                ch.attr(PENDING).set(null);
                giveBack(key, ch);
            } else {
                ch.close();
            }
            return DeliveryResult.ofHttpAnswer(res.headers().get("X-M2M-RSC"), res.status().code());
        } finally {
            res.release();
        }
    }

    /** Gives up on a request: closes its connection and releases an answer that arrived meanwhile. */
    private static void abandon(Channel ch, CompletableFuture<FullHttpResponse> answer) {
        ch.close();
        if (!answer.completeExceptionally(new IOException("abandoned")) && !answer.isCompletedExceptionally()) {
            answer.getNow(null).release(); // the answer came after all, with nobody left to read it
        }
    }

    private Channel connect(String host, int port) throws IOException, InterruptedException {
        ChannelFuture f = bootstrap().connect(new InetSocketAddress(host, port));
        boolean done;
        try {
            done = f.await(connectTimeout.toMillis() + 100);
        } catch (InterruptedException e) {
            f.cancel(false);
            f.channel().close();
            throw e;
        }
        if (!done || !f.isSuccess()) {
            f.channel().close();
            throw new IOException("cannot connect to " + host + ":" + port + ": "
                    + (f.cause() != null ? f.cause() : "timeout"));
        }
        return f.channel();
    }

    private synchronized Bootstrap bootstrap() throws IOException {
        if (closed) {
            throw new IOException("sender closed");
        }
        if (bootstrap == null) {
            group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("slice-notify", true),
                    NioIoHandler.newFactory());
            bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel c) {
                            c.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_RESPONSE),
                                    new AnswerHandler());
                        }
                    });
        }
        return bootstrap;
    }

    private synchronized Channel takeIdle(String key) {
        Deque<Channel> q = idle.get(key);
        while (q != null && !q.isEmpty()) {
            Channel ch = q.pollFirst();
            if (ch.isActive()) {
                return ch;
            }
        }
        return null;
    }

    private synchronized void giveBack(String key, Channel ch) {
        if (closed) {
            ch.close();
        } else {
            idle.computeIfAbsent(key, k -> new ArrayDeque<>()).addFirst(ch);
        }
    }

    private synchronized HttpNotificationSender tls() {
        if (tls == null) {
            tls = new HttpNotificationSender(connectTimeout, requestTimeout, releaseVersion);
        }
        return tls;
    }

    @Override
    public synchronized void close() {
        closed = true;
        idle.values().forEach(q -> q.forEach(Channel::close));
        idle.clear();
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        if (tls != null) {
            tls.close();
        }
    }

    /** The request could not be written: the connection (a kept-alive one the receiver closed) ended before it. */
    private static final class StaleConnection extends IOException {
        private static final long serialVersionUID = 1L;

        StaleConnection(String message) {
            super(message);
        }
    }

    /** Completes the request's future with the answer, or exceptionally when the connection ends first. */
    private static final class AnswerHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
        AnswerHandler() {
            super(false); // the sender releases the answer after reading it
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse res) {
            CompletableFuture<FullHttpResponse> f = ctx.channel().attr(PENDING).get();
            if (f == null || !f.complete(res)) {
                res.release(); // nobody waits (an answer after the timeout)
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            CompletableFuture<FullHttpResponse> f = ctx.channel().attr(PENDING).get();
            if (f != null) {
                f.completeExceptionally(new IOException("connection closed before the answer"));
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            CompletableFuture<FullHttpResponse> f = ctx.channel().attr(PENDING).get();
            if (f != null) {
                f.completeExceptionally(cause);
            }
            ctx.close();
        }
    }
}
