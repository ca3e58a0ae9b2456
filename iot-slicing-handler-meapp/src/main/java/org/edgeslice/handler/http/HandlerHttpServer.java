package org.edgeslice.handler.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The handler's HTTP server on Netty: TCP_NODELAY, keep-alive, each response written in one flush. Requests are
 * handled on a small bounded pool rather than the I/O thread, because creating or deleting a request forces the
 * store to disk.
 */
public final class HandlerHttpServer implements AutoCloseable {
    static final int MAX_BODY = 64 * 1024;

    private final EventLoopGroup group;
    private final ExecutorService pool;
    private final Channel channel;

    private HandlerHttpServer(EventLoopGroup group, ExecutorService pool, Channel channel) {
        this.group = group;
        this.pool = pool;
        this.channel = channel;
    }

    public static HandlerHttpServer start(String address, int port, DeviceApiRef api, int ioThreads)
            throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
        ExecutorService pool = new ThreadPoolExecutor(2, 8, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1024), r -> {
            Thread t = new Thread(r, "handler-http");
            t.setDaemon(true);
            return t;
        });
        Handler handler = new Handler(api, pool);
        try {
            Channel ch = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 256)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.SO_KEEPALIVE, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel c) {
                            c.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY), handler);
                        }
                    }).bind(new InetSocketAddress(address, port)).sync().channel();
            return new HandlerHttpServer(group, pool, ch);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            pool.shutdownNow();
            throw e;
        }
    }

    /** The API is created after the server knows its port (port 0 in tests), so the server holds a reference. */
    public static final class DeviceApiRef {
        volatile DeviceApi api;

        public void set(DeviceApi api) {
            this.api = api;
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(1000);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2000);
        pool.shutdownNow();
    }

    @Sharable
    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final DeviceApiRef api;
        private final ExecutorService pool;

        Handler(DeviceApiRef api, ExecutorService pool) {
            this.api = api;
            this.pool = pool;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            String method = req.method().name();
            String uri = req.uri();
            String contentType = req.headers().get(HttpHeaderNames.CONTENT_TYPE);
            byte[] body = ByteBufUtil.getBytes(req.content());
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            String ifNoneMatch = req.headers().get(HttpHeaderNames.IF_NONE_MATCH);
            String prefer = req.headers().get("Prefer");
            try {
                pool.execute(() -> {
                    DeviceApi a = api.api;
                    HttpReply reply = a == null ? HttpReply.empty(503) : a.handle(method, uri, contentType, body);
                    // a long poll parks the exchange (no thread waits) until the request changes or the wait ends
                    if (a == null || prefer == null || !a.longPoll(method, uri, reply, ifNoneMatch, prefer,
                            ctx.executor(), r -> write(ctx, r, keepAlive))) {
                        write(ctx, reply, keepAlive);
                    }
                });
            } catch (RejectedExecutionException e) {
                write(ctx, HttpReply.empty(503), false);
            }
        }

        private static void write(ChannelHandlerContext ctx, HttpReply reply, boolean keepAlive) {
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(reply.body()));
            reply.headers().forEach((k, v) -> res.headers().set(k, v));
            if (reply.contentType() != null) {
                res.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
            }
            res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
            HttpUtil.setKeepAlive(res, keepAlive);
            var f = ctx.writeAndFlush(res);
            if (!keepAlive) {
                f.addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
