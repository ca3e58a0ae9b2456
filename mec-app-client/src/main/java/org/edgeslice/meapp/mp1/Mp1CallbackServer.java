package org.edgeslice.meapp.mp1;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
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
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A tiny Netty HTTP server for apps that have no HTTP server of their own to receive Mp1 notifications on: one
 * I/O thread, TCP_NODELAY, loopback by default. Apps with a Netty server (the slicing handler) route
 * {@link Mp1Notifications#handles(String)} paths to {@link Mp1Notifications#handle} instead.
 */
public final class Mp1CallbackServer implements AutoCloseable {
    private final Channel channel;
    private final String host;
    private final EventLoopGroup ownGroup;

    /** Binds {@code address:port} (port 0 = any free port). */
    public static Mp1CallbackServer start(String address, int port, Mp1Notifications notifications)
            throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Handler handler = new Handler(notifications);
        try {
            Channel ch = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel c) {
                            c.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(256 * 1024), handler);
                        }
                    }).bind(new InetSocketAddress(address, port)).sync().channel();
            return new Mp1CallbackServer(ch, address, group);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    private Mp1CallbackServer(Channel channel, String host, EventLoopGroup ownGroup) {
        this.channel = channel;
        this.host = host;
        this.ownGroup = ownGroup;
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** {@code http://address:port}, the base of the callbackReferences. */
    public String baseUrl() {
        return "http://" + host + ":" + port();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(1000);
        ownGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2000);
    }

    @Sharable
    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Mp1Notifications notifications;

        Handler(Mp1Notifications notifications) {
            this.notifications = notifications;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            String path = new QueryStringDecoder(req.uri()).path();
            int status = notifications.handle(req.method().name(), path, ByteBufUtil.getBytes(req.content()));
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
            res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            HttpUtil.setKeepAlive(res, keepAlive);
            var f = ctx.writeAndFlush(res);
            if (!keepAlive) {
                f.addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
