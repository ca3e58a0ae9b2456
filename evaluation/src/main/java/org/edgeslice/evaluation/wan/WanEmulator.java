package org.edgeslice.evaluation.wan;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A user-space WAN emulator for loopback: a TCP relay that delays each direction by half the emulated round-trip
 * time. It stands in for {@code tc qdisc ... netem delay} on kernels without netem (CONFIG_NET_SCH_NETEM unset), so the
 * delay sits in the network path between device and cloud, never in the CSE's code.
 *
 * <p>Built on Netty: with the epoll transport the event loop's timers are timerfd-based (sub-millisecond); NIO's
 * selector timeouts are whole milliseconds, so epoll is preferred where it is available. Both sides of the relay use
 * TCP_NODELAY so the emulator adds no Nagle delay of its own. The TCP handshake is not delayed (connect returns at
 * once); benchmarks use keep-alive connections opened before measuring, as JMeter does.
 */
public final class WanEmulator implements AutoCloseable {
    static {
        // Netty's epoll transport times waits of at least this many milliseconds (default 10) with epoll_wait's
        // whole-millisecond timeout and shorter ones with timerfd; the emulator's delays reach 75 ms and more and
        // need sub-millisecond precision, so timerfd is used for all of them.
        if (System.getProperty("io.netty.channel.epoll.epollWaitThreshold") == null) {
            System.setProperty("io.netty.channel.epoll.epollWaitThreshold", "100000000");
        }
    }

    private final WanSettings settings;
    private final EventLoopGroup group;
    private final Channel server;
    private final boolean epoll;
    private final AtomicLong accepted = new AtomicLong();
    private final SplittableRandom seeds;

    private WanEmulator(WanSettings settings, int threads) throws InterruptedException {
        this.settings = settings;
        this.seeds = new SplittableRandom(settings.seed());
        this.epoll = Epoll.isAvailable() && !Boolean.getBoolean("wan.nio");
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(threads, io);
        Class<? extends ServerChannel> serverClass = epoll ? EpollServerSocketChannel.class
                : NioServerSocketChannel.class;
        try {
            this.server = new ServerBootstrap().group(group).channel(serverClass)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.AUTO_READ, false)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new Pending());
                            ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                                @Override
                                public void channelActive(ChannelHandlerContext ctx) {
                                    accepted.incrementAndGet();
                                    connectUpstream(ctx.channel());
                                    ctx.fireChannelActive();
                                }
                            });
                        }
                    })
                    .bind(settings.listen()).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    /** Starts listening; one event loop thread is plenty for the benchmark's few connections. */
    public static WanEmulator start(WanSettings settings) throws InterruptedException {
        return start(settings, 1);
    }

    public static WanEmulator start(WanSettings settings, int threads) throws InterruptedException {
        return new WanEmulator(settings, threads);
    }

    private void connectUpstream(Channel downstream) {
        SplittableRandom random;
        synchronized (seeds) {
            random = seeds.split();
        }
        Class<? extends Channel> clientClass = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        new Bootstrap().group(downstream.eventLoop()).channel(clientClass)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                .handler(new ChannelInboundHandlerAdapter())
                .connect(settings.target())
                .addListener((ChannelFutureListener) f -> {
                    Pending pending = downstream.pipeline().get(Pending.class);
                    if (!f.isSuccess()) {
                        pending.discard();
                        downstream.close();
                        return;
                    }
                    Channel upstream = f.channel();
                    DelayLine toTarget = new DelayLine(upstream, settings.oneWayDelayNanos(), settings.jitterNanos(),
                            random.split());
                    DelayLine toClient = new DelayLine(downstream, settings.oneWayDelayNanos(),
                            settings.jitterNanos(), random.split());
                    DelayLine.pair(toTarget, toClient);
                    downstream.pipeline().addLast(toTarget);
                    upstream.pipeline().addLast(toClient);
                    // what the client sent (or its close) while we were connecting goes first, in order
                    pending.replay();
                    downstream.config().setAutoRead(true);
                    upstream.config().setAutoRead(true);
                });
    }

    /**
     * Holds what the client's connection delivers before the upstream connection is up (data, or even its close,
     * which epoll reports although auto-read is off) and replays it into the delay line once it exists.
     */
    private static final class Pending extends ChannelInboundHandlerAdapter {
        private final List<Object> held = new ArrayList<>();
        private boolean ended;
        private ChannelHandlerContext ctx;

        @Override
        public void handlerAdded(ChannelHandlerContext c) {
            ctx = c;
        }

        @Override
        public void channelRead(ChannelHandlerContext c, Object msg) {
            held.add(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext c) {
            ended = true;
        }

        void replay() {
            for (Object m : held) {
                ctx.fireChannelRead(m);
            }
            held.clear();
            if (ended) {
                ctx.fireChannelInactive();
            }
            ctx.pipeline().remove(this);
        }

        void discard() {
            held.forEach(ReferenceCountUtil::release);
            held.clear();
        }
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public WanSettings settings() {
        return settings;
    }

    /** "epoll" or "nio": which Netty transport (and so which timer precision) is in use. */
    public String transport() {
        return epoll ? "epoll" : "nio";
    }

    public long connectionsAccepted() {
        return accepted.get();
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
