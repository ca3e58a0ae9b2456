package org.edgeslice.slice.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.edgeslice.onem2m.binding.HttpBinding;

/**
 * The slice's HTTP endpoints on Netty: one event loop group shared by all ports (a slice is small; one thread per
 * core is plenty), TCP_NODELAY, HTTP/1.1 keep-alive, request bodies up to {@value #MAX_BODY} bytes.
 */
public final class SliceHttpServer implements AutoCloseable {
    static final int MAX_BODY = 1 << 20;

    private final EventLoopGroup group;
    private final ExecutorService blocking;
    /** Requests served on every endpoint: tells the slice when traffic has stopped (IdleHeapRelease). */
    private final java.util.concurrent.atomic.LongAdder served = new java.util.concurrent.atomic.LongAdder();
    private final List<Channel> channels = new ArrayList<>();

    private final ByteBufAllocator allocator;

    /**
     * @param pooledBuffers Netty's pooled direct buffers (fewer copies and less garbage under load) instead of
     *                      unpooled heap buffers (oneM2M messages are small, and pooled arenas keep megabytes
     *                      resident in an idle slice)
     */
    public SliceHttpServer(int ioThreads, boolean pooledBuffers) {
        this.allocator = pooledBuffers ? PooledByteBufAllocator.DEFAULT : new HeapIoAllocator();
        this.group = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
        // bounded: verification requests are rare, and a flood of them must not grow threads without limit
        this.blocking = new ThreadPoolExecutor(1, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1024), r -> {
            Thread t = new Thread(r, "slice-blocking");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Unpooled heap buffers for socket reads too. An unpooled allocator otherwise reads into a new direct buffer
     * per read (allocation, zeroing and a Cleaner each time: a few percent of a create's CPU); reading into a heap
     * buffer lets the JDK copy through its per-thread cached direct buffer instead. Responses are heap buffers
     * already.
     */
    private static final class HeapIoAllocator extends AbstractByteBufAllocator {
        private final UnpooledByteBufAllocator unpooled = new UnpooledByteBufAllocator(false);

        HeapIoAllocator() {
            super(false);
        }

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            return unpooled.heapBuffer(initialCapacity, maxCapacity);
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            return unpooled.directBuffer(initialCapacity, maxCapacity);
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }

        @Override
        public ByteBuf ioBuffer() {
            return heapBuffer();
        }

        @Override
        public ByteBuf ioBuffer(int initialCapacity) {
            return heapBuffer(initialCapacity);
        }

        @Override
        public ByteBuf ioBuffer(int initialCapacity, int maxCapacity) {
            return heapBuffer(initialCapacity, maxCapacity);
        }
    }

    /** Binds one endpoint; returns the bound port (useful with port 0). */
    public int bind(String address, int port, HttpBinding binding) throws InterruptedException {
        SliceHttpHandler handler = new SliceHttpHandler(binding, blocking, served);
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, allocator)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        p.addLast(new HttpRequestDecoder());
                        // responses are written as bytes from this encoder's place in the pipeline, past it
                        // (SliceHttpHandler.write, RequestAssembler); it stays as that anchor
                        p.addLast(new HttpResponseEncoder());
                        p.addLast(new RequestAssembler(MAX_BODY));
                        p.addLast(handler);
                    }
                });
        Channel ch = b.bind(new InetSocketAddress(address, port)).sync().channel();
        channels.add(ch);
        return ((InetSocketAddress) ch.localAddress()).getPort();
    }

    /** Requests served so far, on every endpoint. */
    public long requestsServed() {
        return served.sum();
    }

    @Override
    public void close() {
        for (Channel ch : channels) {
            ch.close().awaitUninterruptibly(1000);
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2000);
        blocking.shutdownNow();
    }
}
