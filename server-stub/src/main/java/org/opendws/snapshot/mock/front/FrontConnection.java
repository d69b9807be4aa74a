package org.opendws.snapshot.mock.front;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection to the front. Plain creates ({@link FrontRequest}) are answered here, on
 * the event loop that read them; at the first request that is anything else, the connection
 * becomes a tunnel to Tomcat for good: the bytes not yet answered, then everything both ways, as
 * they come, so that Tomcat sees the rest of the connection as the client sent it. Either side
 * stops reading while the other does not take what it sends.
 */
final class FrontConnection extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(FrontConnection.class);

    private enum State {
        /** answering plain creates */
        FRONT,
        /** connecting to Tomcat; what arrives meanwhile waits in {@link #pending} */
        CONNECTING,
        /** a tunnel to Tomcat */
        TUNNEL,
        /** the last answer is written; the connection closes */
        CLOSING
    }

    /**
     * Tomcat's idle timeouts, in milliseconds (0 or less: none).
     *
     * @param keepAlive  between requests, once one is answered
     * @param connection for the first request, and within a request
     */
    record Timeouts(long keepAlive, long connection) {
        /** How often an idle connection is looked at. */
        long checkEveryMillis() {
            return keepAlive > 0 && connection > 0 ? Math.min(keepAlive, connection) : Math.max(keepAlive, connection);
        }
    }

    /** what answers plain creates, or null when Tomcat answers everything (read at each request: see Front) */
    private final Supplier<FrontCreate> create;
    private final FrontRequest.Limits limits;
    /** Tomcat's address, known once it has started (the front listens before it, FrontedWebServer) */
    private final CompletableFuture<InetSocketAddress> tomcat;
    private final Timeouts timeouts;
    private final AtomicBoolean draining;
    private long lastRead = System.nanoTime();
    private boolean answeredOne;
    private State state = State.FRONT;
    /** bytes read and not yet answered or passed to Tomcat, in one buffer */
    private ByteBuf pending = Unpooled.EMPTY_BUFFER;
    /** how many bytes the request at the start of {@link #pending} takes, once its head is read */
    private int needed;
    private boolean inputShutdown;
    private Channel tunnel;

    /**
     * A connection whose plain creates what {@code create} gives at each request answers, or none
     * while it gives null (then everything goes to Tomcat).
     */
    FrontConnection(Supplier<FrontCreate> create, FrontRequest.Limits limits, CompletableFuture<InetSocketAddress> tomcat,
                    Timeouts timeouts, AtomicBoolean draining) {
        this.create = create;
        this.limits = limits;
        this.tomcat = tomcat;
        this.timeouts = timeouts;
        this.draining = draining;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        ByteBuf in = (ByteBuf) message;
        lastRead = System.nanoTime();
        switch (state) {
            case TUNNEL -> tunnel.writeAndFlush(in);
            case CLOSING -> in.release();
            case CONNECTING -> append(context, in);
            case FRONT -> {
                append(context, in);
                answer(context);
            }
        }
    }

    /** Answers the complete plain creates at the start of {@link #pending}, or hands over to Tomcat. */
    private void answer(ChannelHandlerContext context) {
        while (pending.isReadable() && pending.readableBytes() >= needed) {
            if (draining.get()) {
                state = State.CLOSING; // shutting down: no new request is begun
                release();
                context.close();
                return;
            }
            FrontCreate creates = create.get();
            FrontRequest.Parsed parsed = creates == null ? FrontRequest.Parsed.NOT_MINE : FrontRequest.parse(pending, limits);
            if (parsed.outcome() == FrontRequest.Outcome.INCOMPLETE) {
                needed = parsed.needed(); // the head is not read again until the body is all there
                return;
            }
            needed = 0;
            FrontCreate.Answer answer = parsed.outcome() == FrontRequest.Outcome.TAKEN ? creates.answer(parsed.request(), context.alloc()) : null;
            if (answer == null) {
                openTunnel(context);
                return;
            }
            pending.skipBytes(parsed.request().length());
            answeredOne = true;
            context.write(answer.bytes());
            if (answer.close()) {
                state = State.CLOSING;
                release();
                context.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
    }

    /** Adds {@code in} to {@link #pending}: one buffer, so that a request in many reads is read as one. */
    private void append(ChannelHandlerContext context, ByteBuf in) {
        if (!pending.isReadable()) {
            pending.release();
            pending = in;
            return;
        }
        try {
            if (pending.writableBytes() < in.readableBytes() || pending.refCnt() > 1 || pending.isReadOnly()) {
                // room for the whole request when its length is known, else twice what is there
                int total = pending.readableBytes() + in.readableBytes();
                ByteBuf merged = context.alloc().buffer(Math.max(total, Math.max(needed, 2 * pending.readableBytes())));
                merged.writeBytes(pending);
                pending.release();
                pending = merged;
            }
            pending.writeBytes(in);
        } finally {
            in.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        context.flush();
    }

    /** The rest of the connection goes to Tomcat; reading stops until the tunnel is open. */
    private void openTunnel(ChannelHandlerContext context) {
        state = State.CONNECTING;
        Channel client = context.channel();
        client.config().setAutoRead(false);
        tomcat.whenComplete((address, failed) -> client.eventLoop().execute(() -> connect(client, address)));
    }

    private void connect(Channel client, InetSocketAddress address) {
        if (address == null || !client.isActive()) { // Tomcat did not start (or stopped first), or the client left
            release();
            client.close();
            return;
        }
        new Bootstrap().group(client.eventLoop()).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                // a failed write (Tomcat refused the rest of a request and reset the connection)
                // must not close the tunnel before Tomcat's answer, already received, is read
                .option(ChannelOption.AUTO_CLOSE, false)
                .handler(new Relay(client))
                .connect(address).addListener((ChannelFutureListener) connected -> {
                    if (!client.isActive()) {
                        connected.channel().close(); // the client left meanwhile
                        return;
                    }
                    if (!connected.isSuccess()) {
                        LOG.warn("the front could not reach Tomcat at {}: {}", address, connected.cause().toString());
                        release();
                        client.close();
                        return;
                    }
                    tunnel = connected.channel();
                    state = State.TUNNEL;
                    tunnel.writeAndFlush(pending);
                    pending = Unpooled.EMPTY_BUFFER;
                    if (inputShutdown) {
                        shutdownOutputOnceWritten(tunnel);
                    }
                    tunnel.config().setAutoRead(client.isWritable());
                    client.config().setAutoRead(tunnel.isWritable());
                });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof IdleStateEvent && state == State.FRONT) {
            // Tomcat's timeouts: keep-alive between requests, the connection timeout otherwise
            // (a tunnel's are Tomcat's own)
            long limit = answeredOne && !pending.isReadable() ? timeouts.keepAlive() : timeouts.connection();
            if (limit > 0 && System.nanoTime() - lastRead >= limit * 1_000_000) {
                context.close();
            }
        } else if (event instanceof ChannelInputShutdownEvent) {
            // the client sent all it will: Tomcat gets the same end after what it has not yet seen
            inputShutdown = true;
            switch (state) {
                case TUNNEL -> shutdownOutputOnceWritten(tunnel);
                case FRONT -> {
                    if (pending.isReadable()) {
                        openTunnel(context);
                    } else {
                        context.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
                    }
                }
                default -> {
                    // connecting: done once connected; closing: nothing more to do
                }
            }
        }
    }

    /** Ends what is sent on {@code channel} once all written before is out (a shutdown would drop it). */
    private static void shutdownOutputOnceWritten(Channel channel) {
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER)
                .addListener((ChannelFutureListener) written -> ((DuplexChannel) written.channel()).shutdownOutput());
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        boolean writable = context.channel().isWritable();
        if (state == State.TUNNEL) {
            tunnel.config().setAutoRead(writable); // Tomcat's answers wait while the client does not read them
        } else if (state == State.FRONT) {
            context.channel().config().setAutoRead(writable); // so do the client's next requests
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        release();
        if (tunnel != null) {
            tunnel.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (!(cause instanceof IOException)) {
            LOG.warn("front connection failed", cause);
        }
        context.close(); // a reset by the client: nothing to answer
    }

    private void release() {
        pending.release();
        pending = Unpooled.EMPTY_BUFFER;
    }

    /** Tomcat's side of a tunnel: its bytes to the client, its end to the client's. */
    private static final class Relay extends ChannelInboundHandlerAdapter {
        private final Channel client;

        Relay(Channel client) {
            this.client = client;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            client.writeAndFlush(message);
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext context) {
            client.config().setAutoRead(context.channel().isWritable()); // the client's requests wait for Tomcat
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) {
            if (event instanceof ChannelInputShutdownEvent) {
                context.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            context.close();
        }
    }
}
