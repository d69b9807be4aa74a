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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection to the front. Plain creates ({@link FrontRequest}) are answered here, on
 * the event loop that read them; at the first request that is anything else, the connection
 * becomes a tunnel to Tomcat for good: the bytes not yet answered, then everything both ways, as
 * they come, so that Tomcat sees the rest of the connection as the client sent it.
 */
final class FrontConnection extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(FrontConnection.class);

    private final FrontCreate create;
    private final InetSocketAddress tomcat;
    private final int maxBody;
    /** bytes read and not yet answered or passed to Tomcat */
    private ByteBuf pending = Unpooled.EMPTY_BUFFER;
    /** the connection to Tomcat, once this one is a tunnel */
    private Channel tunnel;
    private boolean tunnelled;
    private boolean closing;
    private boolean inputShutdown;

    FrontConnection(FrontCreate create, InetSocketAddress tomcat, int maxBody) {
        this.create = create;
        this.tomcat = tomcat;
        this.maxBody = maxBody;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        ByteBuf in = (ByteBuf) message;
        if (closing) {
            in.release();
            return;
        }
        if (tunnel != null) {
            tunnel.writeAndFlush(in);
            return;
        }
        pending = pending.isReadable() ? Unpooled.wrappedBuffer(pending, in) : release(pending, in);
        if (tunnelled) {
            return; // connecting: all of it goes once the tunnel is open
        }
        while (pending.isReadable()) {
            FrontRequest.Parsed parsed = FrontRequest.parse(pending, maxBody);
            if (parsed.outcome() == FrontRequest.Outcome.INCOMPLETE) {
                return;
            }
            FrontCreate.Answer answer = parsed.outcome() == FrontRequest.Outcome.TAKEN ? create.answer(parsed.request()) : null;
            if (answer == null) {
                openTunnel(context);
                return;
            }
            pending.skipBytes(parsed.request().length());
            context.write(Unpooled.wrappedBuffer(answer.bytes()));
            if (answer.close()) {
                closing = true;
                context.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        context.flush();
        if (!tunnelled && !pending.isReadable() && pending != Unpooled.EMPTY_BUFFER) {
            pending.release();
            pending = Unpooled.EMPTY_BUFFER; // no composite buffers kept between requests
        }
    }

    /** The rest of the connection goes to Tomcat; reading stops until the tunnel is open. */
    private void openTunnel(ChannelHandlerContext context) {
        tunnelled = true;
        Channel client = context.channel();
        client.config().setAutoRead(false);
        new Bootstrap().group(client.eventLoop()).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .handler(new Relay(client))
                .connect(tomcat).addListener((ChannelFutureListener) connected -> {
                    if (!connected.isSuccess()) {
                        LOG.warn("the front could not reach Tomcat at {}: {}", tomcat, connected.cause().toString());
                        release();
                        client.close();
                        return;
                    }
                    tunnel = connected.channel();
                    tunnel.writeAndFlush(pending);
                    pending = Unpooled.EMPTY_BUFFER;
                    if (inputShutdown) {
                        ((DuplexChannel) tunnel).shutdownOutput();
                    }
                    client.config().setAutoRead(true);
                });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof IdleStateEvent && !tunnelled) {
            context.close(); // Tomcat's keep-alive timeout; a tunnel's is Tomcat's own
        } else if (event instanceof ChannelInputShutdownEvent) {
            // the client sent all it will: Tomcat gets the same end after what it has not yet seen
            inputShutdown = true;
            if (tunnel != null) {
                ((DuplexChannel) tunnel).shutdownOutput();
            } else if (!tunnelled) {
                if (pending.isReadable()) {
                    openTunnel(context);
                } else {
                    context.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
                }
            }
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        // Tomcat's answers wait while the client does not read them
        if (tunnel != null) {
            tunnel.config().setAutoRead(context.channel().isWritable());
        } else if (!tunnelled) {
            context.channel().config().setAutoRead(context.channel().isWritable());
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
        if (pending != Unpooled.EMPTY_BUFFER) {
            pending.release();
            pending = Unpooled.EMPTY_BUFFER;
        }
    }

    private static ByteBuf release(ByteBuf old, ByteBuf in) {
        if (old != Unpooled.EMPTY_BUFFER) {
            old.release();
        }
        return in;
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
            // the client's requests wait while Tomcat does not read them
            client.config().setAutoRead(context.channel().isWritable());
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
