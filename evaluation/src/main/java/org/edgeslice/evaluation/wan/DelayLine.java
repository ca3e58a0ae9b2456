package org.edgeslice.evaluation.wan;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One direction of an emulated link: everything read from the source channel (the one this handler sits on) is
 * written to {@code sink} after the one-way delay. Chunks wait in a FIFO queue with their release times; one timer
 * on the event loop fires for the head of the queue and writes every chunk that is due, so order is kept even with
 * jitter. The end of the stream (source closed) travels through the same queue, so the sink closes only after the
 * data before it has been delivered, one delay later, as a FIN would.
 *
 * <p>Both channels of a connection live on the same event loop, so no field here needs synchronisation.
 */
final class DelayLine extends ChannelInboundHandlerAdapter {
    /** Stop reading from the source when this many bytes wait in the queue (bounded memory per connection). */
    static final int HIGH_WATER = 4 << 20;
    private static final int LOW_WATER = 1 << 20;
    private static final Object END = new Object();
    /** How long before a release time the timer fires; the rest is spun (see {@link #arm}). */
    static final long SPIN_NANOS = Long.getLong("wan.spinMicros", 200) * 1000;

    private record Held(long releaseNanos, Object msg, int bytes) {
    }

    private final Channel sink;
    private final long delayNanos;
    private final long jitterNanos;
    private final SplittableRandom random;
    private final ArrayDeque<Held> queue = new ArrayDeque<>();
    private long lastRelease = Long.MIN_VALUE;
    private long queuedBytes;
    private ScheduledFuture<?> timer;
    private Channel source;
    private DelayLine opposite;

    DelayLine(Channel sink, long delayNanos, long jitterNanos, SplittableRandom random) {
        this.sink = sink;
        this.delayNanos = delayNanos;
        this.jitterNanos = jitterNanos;
        this.random = random;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        source = ctx.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (delayNanos == 0 && jitterNanos == 0 && queue.isEmpty()) {
            // no emulated delay: pass straight through, so the emulator's own cost can be measured
            sink.writeAndFlush(msg).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            return;
        }
        int bytes = msg instanceof ByteBuf b ? b.readableBytes() : 0;
        hold(msg, bytes);
        queuedBytes += bytes;
        updateReading();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (delayNanos == 0 && jitterNanos == 0 && queue.isEmpty()) {
            closeSink();
        } else {
            hold(END, 0);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // this channel is the sink of the opposite direction: it may read again (or must stop)
        if (opposite != null) {
            opposite.updateReading();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a reset by one end: the other end sees the connection close (after the delay, like a FIN)
        ctx.close();
    }

    /** Links the two directions of one connection (for back-pressure). */
    static void pair(DelayLine a, DelayLine b) {
        a.opposite = b;
        b.opposite = a;
    }

    private void updateReading() {
        if (source == null) {
            return;
        }
        boolean read = sink.isWritable() && queuedBytes < (source.config().isAutoRead() ? HIGH_WATER : LOW_WATER);
        if (source.config().isAutoRead() != read) {
            source.config().setAutoRead(read);
        }
    }

    private void hold(Object msg, int bytes) {
        long now = System.nanoTime();
        long d = delayNanos;
        if (jitterNanos > 0) {
            d = Math.max(0, d + random.nextLong(-jitterNanos, jitterNanos + 1));
        }
        long release = Math.max(now + d, lastRelease); // FIFO: never before the chunk ahead of it
        lastRelease = release;
        queue.addLast(new Held(release, msg, bytes));
        if (timer == null) {
            arm(release - now);
        }
    }

    private void arm(long inNanos) {
        // wake a little early and spin the rest: timer wake-ups overshoot by 0.1 ms or more on a virtual machine
        timer = sink.eventLoop().schedule(this::release, Math.max(0, inNanos - SPIN_NANOS), TimeUnit.NANOSECONDS);
    }

    private void release() {
        timer = null;
        Held head = queue.peekFirst();
        if (head != null) {
            long wait = head.releaseNanos() - System.nanoTime();
            if (wait > 0 && wait <= SPIN_NANOS) {
                while (System.nanoTime() < head.releaseNanos()) {
                    Thread.onSpinWait();
                }
            }
        }
        long now = System.nanoTime();
        boolean wrote = false;
        Held h;
        while ((h = queue.peekFirst()) != null && h.releaseNanos() <= now) {
            queue.pollFirst();
            queuedBytes -= h.bytes();
            if (h.msg() == END) {
                if (wrote) {
                    sink.flush();
                    wrote = false;
                }
                closeSink();
            } else if (sink.isActive()) {
                sink.write(h.msg()).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
                wrote = true;
            } else {
                ReferenceCountUtil.release(h.msg());
            }
        }
        if (wrote) {
            sink.flush();
        }
        if (h != null) {
            arm(h.releaseNanos() - now);
        }
        updateReading();
    }

    private void closeSink() {
        if (sink.isActive()) {
            sink.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else {
            sink.close();
        }
    }
}
