package org.opendws.snapshot.mock.front;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The mock's public port: a Netty server that answers plain creates on the thread that read them
 * and passes every other connection to Tomcat, which listens on loopback only (README
 * "Benchmarks": handing each request from Tomcat's poller to a worker was a quarter of a create's
 * CPU). One event loop per core.
 */
final class Front implements AutoCloseable {
    private final EventLoopGroup loops;
    private final Channel listener;
    private final AtomicBoolean draining;
    private final AtomicReference<FrontCreate> creates;

    private Front(EventLoopGroup loops, Channel listener, AtomicBoolean draining, AtomicReference<FrontCreate> creates) {
        this.loops = loops;
        this.listener = listener;
        this.draining = draining;
        this.creates = creates;
    }

    /**
     * The event loops, made on a thread of their own while Spring Boot starts the rest: loading
     * and initialising Netty's classes took about 30 ms of the start on the main thread.
     */
    static CompletableFuture<EventLoopGroup> prepare() {
        return CompletableFuture.supplyAsync(() -> {
            EventLoopGroup loops = new NioEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                    new DefaultThreadFactory("dws-mock-front", true));
            ByteBufAllocator.DEFAULT.buffer(1).release(); // the allocator's pools, which the first read needs
            return loops;
        }, task -> {
            Thread thread = new Thread(task, "dws-mock-front-init");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * A front on {@code loops} listening on {@code address}.
     *
     * @param tomcat   Tomcat's address, once it has started (connections it takes wait for it)
     * @param create   what answers plain creates, or null to pass every connection to Tomcat
     * @param timeouts Tomcat's idle timeouts
     */
    static Front start(EventLoopGroup loops, InetSocketAddress address, CompletableFuture<InetSocketAddress> tomcat,
                       FrontCreate create, FrontRequest.Limits limits, FrontConnection.Timeouts timeouts) {
        AtomicBoolean draining = new AtomicBoolean();
        AtomicReference<FrontCreate> creates = new AtomicReference<>(create);
        try {
            Channel listener = new ServerBootstrap()
                    .group(loops)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            if (timeouts.checkEveryMillis() > 0) {
                                channel.pipeline().addLast(new IdleStateHandler(0, 0, timeouts.checkEveryMillis(),
                                        TimeUnit.MILLISECONDS));
                            }
                            channel.pipeline().addLast(new FrontConnection(creates::get, limits, tomcat, timeouts, draining));
                        }
                    })
                    .bind(address).syncUninterruptibly().channel();
            return new Front(loops, listener, draining, creates);
        } catch (Throwable e) { // Netty rethrows a failed bind's BindException, though checked
            loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    /** From now on every request, on every connection, goes to Tomcat. */
    void passEverything() {
        creates.set(null);
    }

    /** The port it listens on. */
    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /**
     * Stops taking new connections, and requests on open ones: as Tomcat in a graceful shutdown,
     * it finishes what it has begun (a request that arrives meanwhile finds its connection closed).
     */
    void drain() {
        draining.set(true);
        listener.close().syncUninterruptibly();
    }

    /** Stops listening; open connections end. */
    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
