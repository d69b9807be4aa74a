package org.opendws.snapshot.mock.front;

import io.netty.bootstrap.ServerBootstrap;
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
import java.util.concurrent.TimeUnit;

/**
 * The mock's public port: a Netty server that answers plain creates on the thread that read them
 * and passes every other connection to Tomcat, which listens on loopback only (README
 * "Benchmarks": handing each request from Tomcat's poller to a worker was a quarter of a create's
 * CPU). One event loop per core.
 */
final class Front implements AutoCloseable {
    private final EventLoopGroup loops;
    private final Channel listener;

    private Front(EventLoopGroup loops, Channel listener) {
        this.loops = loops;
        this.listener = listener;
    }

    /**
     * A front listening on {@code address}.
     *
     * @param keepAliveMillis how long a connection may stay idle between requests (Tomcat's)
     */
    static Front start(InetSocketAddress address, InetSocketAddress tomcat, FrontCreate create, int maxBody,
                       long keepAliveMillis) {
        EventLoopGroup loops = new NioEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("dws-mock-front", true));
        try {
            Channel listener = new ServerBootstrap()
                    .group(loops)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            if (keepAliveMillis > 0) {
                                channel.pipeline().addLast(new IdleStateHandler(0, 0, keepAliveMillis, TimeUnit.MILLISECONDS));
                            }
                            channel.pipeline().addLast(new FrontConnection(create, tomcat, maxBody));
                        }
                    })
                    .bind(address).syncUninterruptibly().channel();
            return new Front(loops, listener);
        } catch (RuntimeException e) {
            loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    /** The port it listens on. */
    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Stops listening; open connections end. */
    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
