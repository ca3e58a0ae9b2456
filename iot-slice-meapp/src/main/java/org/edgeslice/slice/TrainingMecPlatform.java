package org.edgeslice.slice;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
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
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in MEC platform for the class-data-sharing training run only: it answers the Mp1 calls a slice makes
 * when it starts as an ME App (token, registration, subscriptions, services, confirm_ready, termination) just well
 * enough that the slice walks its whole Mp1 path, so the archive holds the Mp1 client's classes too. In a container
 * they were a second of start-up CPU. Not a MEC platform. On Netty, which the slice loads anyway: a server of its
 * own (the JDK's) would put some 100 classes into the archive that no deployed slice uses, resident in every one.
 */
final class TrainingMecPlatform implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel channel;
    private final AtomicInteger ids = new AtomicInteger();

    TrainingMecPlatform() throws InterruptedException {
        Handler handler = new Handler();
        channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        c.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024), handler);
                    }
                }).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    String url() {
        return "http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort() + "/mec-platform";
    }

    @Sharable
    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            String path = new QueryStringDecoder(req.uri()).path();
            String method = req.method().name();
            String body = req.content().toString(StandardCharsets.UTF_8);
            FullHttpResponse res;
            if (path.endsWith("/oauth2/token")) {
                res = reply(200, "{\"access_token\":\"training\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
            } else if (method.equals("GET") && path.endsWith("/subscriptions")) {
                res = reply(200, "{\"_links\":{\"self\":{\"href\":\"" + path + "\"},\"subscriptions\":[]}}");
            } else if (method.equals("GET")) {
                res = reply(200, "[]");
            } else if (method.equals("POST") && path.endsWith("/subscriptions")) {
                String self = path + "/" + ids.incrementAndGet();
                res = reply(201, body.replaceFirst("\\}\\s*$", ",\"_links\":{\"self\":{\"href\":\"" + self + "\"}}}"));
                res.headers().set(HttpHeaderNames.LOCATION, self);
            } else if (method.equals("POST") && path.endsWith("/services")) {
                res = reply(201, body.replaceFirst("^\\s*\\{", "{\"serInstanceId\":\"training-" + ids.incrementAndGet()
                        + "\","));
            } else if (method.equals("POST") && path.endsWith("/registrations")) {
                res = reply(201, body);
            } else {
                res = reply(204, null);
            }
            ctx.writeAndFlush(res);
        }

        private static FullHttpResponse reply(int status, String json) {
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                    json == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(json.getBytes(StandardCharsets.UTF_8)));
            if (json != null) {
                res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            }
            res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
            return res;
        }
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(1000);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2000);
    }
}
