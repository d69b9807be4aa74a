package org.opendws.snapshot.mock.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import org.opendws.snapshot.mock.error.ErrorCodes;
import org.opendws.snapshot.mock.request.RequestIds;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * The answers Reactor Netty writes itself, before a request reaches {@link MockPipeline}: a
 * request line or head it cannot parse (400), a request line or head over its limits (414, 431).
 * They leave without a body or request id; this handler, right after the HTTP codec, makes each
 * the document's 400 {@code DWS.0001} (the one status it has for a malformed request), saying
 * what was wrong, with an {@code X-Request-Id}, as every other answer has.
 */
public final class NettyRefusals extends ChannelOutboundHandlerAdapter {
    private NettyRefusals() {
    }

    /** The server with the handler on every connection. */
    public static HttpServer install(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "dws.refusals", new NettyRefusals());
            }
        });
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof FullHttpResponse response && response.status().code() >= 400
                && !response.headers().contains(RequestIds.HEADER) && !response.content().isReadable()) {
            String message = switch (response.status().code()) {
                case 414 -> "The request line is too long.";
                case 431 -> "The request head is too large: too many or too long header lines.";
                default -> "The request is malformed: its request line or a header line is not HTTP/1.1.";
            };
            String id = RequestIds.newId();
            // every value is ours and needs no JSON escaping
            byte[] json = ("{\"error_code\":\"" + ErrorCodes.INVALID_PARAMETER + "\",\"error_msg\":\"" + message
                    + "\",\"request_id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
            FullHttpResponse answer = response.replace(Unpooled.wrappedBuffer(json));
            answer.setStatus(HttpResponseStatus.BAD_REQUEST);
            answer.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, json.length)
                    .set(RequestIds.HEADER, id);
            response.release();
            ctx.write(answer, promise);
            return;
        }
        ctx.write(msg, promise);
    }
}
