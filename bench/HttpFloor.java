import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.opendws.snapshot.mock.generated.model.CreateSnapshotRequestBody;
import org.opendws.snapshot.mock.generated.model.CreateSnapshotResponse;
import org.opendws.snapshot.mock.generated.model.Snapshot;
import org.opendws.snapshot.mock.generated.model.SnapshotResp;
import org.opendws.snapshot.mock.request.RequestIds;
import org.opendws.snapshot.mock.store.SnapshotStore;

/**
 * The floor of bench/http-floor.sh: a create's own work, answered on the thread that read the
 * request (Netty, one event loop per core). It reads the body with Jackson (with two of the mock's
 * strict features: trailing tokens and duplicate keys refused) into the generated model, checks
 * the generated constraints with Hibernate Validator, stores the snapshot in the mock's
 * SnapshotStore and writes the generated answer with a request id from the mock's RequestIds. It
 * is not a mock: no authentication, journal, faults, body cap, cluster lookup or error schema (an
 * invalid request gets a 400 whose body is at most the exception's message). It bounds what
 * moving the mock's create onto such an HTTP layer could gain (bench/RESULTS.md).
 *
 * <p>Usage: java -cp server-stub/target/classes:LIBS:NETTY bench/HttpFloor.java PORT
 */
public class HttpFloor {
    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        ObjectReader reader = mapper.readerFor(CreateSnapshotRequestBody.class);
        ObjectWriter writer = mapper.writerFor(CreateSnapshotResponse.class);
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        SnapshotStore store = new SnapshotStore(SnapshotStore.MAX_CAPACITY);
        int cores = Runtime.getRuntime().availableProcessors();
        ChannelInitializer<SocketChannel> pipeline = new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline()
                        .addLast(
                                new HttpServerCodec(),
                                new HttpObjectAggregator(1 << 20),
                                new SimpleChannelInboundHandler<FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(
                                            ChannelHandlerContext context, FullHttpRequest request) {
                                        context.writeAndFlush(answer(request, reader, writer, validator, store));
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
                                        context.close(); // a reset by wrk at the end of a run: no trace to log
                                    }
                                });
            }
        };
        new ServerBootstrap()
                .group(new NioEventLoopGroup(1), new NioEventLoopGroup(cores))
                .channel(NioServerSocketChannel.class)
                .childHandler(pipeline)
                .bind("127.0.0.1", Integer.parseInt(args[0]))
                .sync()
                .channel()
                .closeFuture()
                .sync();
    }

    /** POST /v1.0/{project_id}/snapshots creates; anything else is a 404 without body. */
    static FullHttpResponse answer(
            FullHttpRequest request,
            ObjectReader reader,
            ObjectWriter writer,
            Validator validator,
            SnapshotStore store) {
        String requestId = RequestIds.newId();
        String[] path = request.uri().split("/");
        HttpResponseStatus status = HttpResponseStatus.NOT_FOUND;
        byte[] json = new byte[0];
        if (request.method() == HttpMethod.POST
                && path.length == 4
                && "v1.0".equals(path[1])
                && "snapshots".equals(path[3])
                && !request.uri().endsWith("/")) {
            status = HttpResponseStatus.BAD_REQUEST;
            try {
                CreateSnapshotRequestBody body = reader.readValue(ByteBufUtil.getBytes(request.content()));
                Snapshot snapshot = body.getSnapshot();
                // nameTaken before create (which refuses a taken name too), as SnapshotController does
                if (validator.validate(body).isEmpty() && !store.nameTaken(path[2], snapshot.getName())) {
                    String id = store.create(
                                    path[2],
                                    snapshot.getName(),
                                    snapshot.getClusterId(),
                                    snapshot.getDescription(),
                                    "bench",
                                    Instant.now())
                            .toString();
                    json = writer.writeValueAsBytes(new CreateSnapshotResponse(new SnapshotResp(id)));
                    status = HttpResponseStatus.OK;
                }
            } catch (Exception invalid) {
                json = String.valueOf(invalid.getMessage()).getBytes(StandardCharsets.UTF_8);
            }
        }
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(json));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, json.length)
                .set(RequestIds.HEADER, requestId);
        return response;
    }
}
