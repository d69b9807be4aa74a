package org.opendws.snapshot.mock.front;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.apache.tomcat.util.http.FastHttpDateFormat;
import org.opendws.snapshot.mock.auth.Principal;
import org.opendws.snapshot.mock.error.DwsException;
import org.opendws.snapshot.mock.error.ErrorCodes;
import org.opendws.snapshot.mock.error.ErrorWriter;
import org.opendws.snapshot.mock.fault.Preferences;
import org.opendws.snapshot.mock.gateway.Gateway;
import org.opendws.snapshot.mock.generated.model.CreateSnapshotRequestBody;
import org.opendws.snapshot.mock.generated.model.CreateSnapshotResponse;
import org.opendws.snapshot.mock.journal.Journal;
import org.opendws.snapshot.mock.request.RequestIdFilter;
import org.opendws.snapshot.mock.request.RequestIds;
import org.opendws.snapshot.mock.snapshot.CreateReader;
import org.opendws.snapshot.mock.snapshot.SnapshotController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A create answered by the front, on the thread that read it: what Tomcat's filters and the
 * create fast path do for it ({@code RequestIdFilter}: id, access log line, journal; the
 * {@link Gateway}'s checks; the operation), with the same answer, byte for byte but for Tomcat's
 * own choice of header order. A body that is unreadable or breaks a constraint goes to Tomcat
 * instead, before anything is done, so that Spring MVC words its error.
 */
public final class FrontCreate {
    private static final Logger LOG = LoggerFactory.getLogger(FrontCreate.class);

    private final Journal journal;
    private final Clock clock;
    private final boolean accessLog;
    private final Gateway gateway;
    private final CreateReader reader;
    private final SnapshotController operation;
    private final ObjectMapper mapper;
    private final ObjectWriter writer;
    /** room for the head, which is about 200 bytes */
    private static final int HEAD_SIZE = 256;
    private volatile String keepAlive = "";

    /** An answer: its bytes, and whether the connection closes after it (as Tomcat would close it). */
    record Answer(ByteBuf bytes, boolean close) {
    }

    /**
     * The front's create, with the parts Tomcat's filters and the fast path use.
     *
     * @param accessLog whether a line is logged for each request ({@code dws.mock.access-log})
     */
    public FrontCreate(Journal journal, Clock clock, boolean accessLog, Gateway gateway, SnapshotController operation,
                       CreateReader reader, ObjectMapper mapper) {
        this.journal = journal;
        this.clock = clock;
        this.accessLog = accessLog;
        this.gateway = gateway;
        this.reader = reader;
        this.operation = operation;
        this.mapper = mapper;
        this.writer = mapper.writerFor(CreateSnapshotResponse.class);
    }

    /**
     * What Tomcat answers a client that asks for {@code Connection: keep-alive} (set once Tomcat
     * is up): its keep-alive timeout, if it has one and says so.
     */
    void keepAlive(long timeoutMillis, boolean sayIt) {
        this.keepAlive = timeoutMillis > 0 && sayIt
                ? "Keep-Alive: timeout=" + timeoutMillis / 1000 + "\r\nConnection: keep-alive\r\n" : "";
    }

    /** The answer to {@code request} in a buffer from {@code allocator}, or null when Tomcat must answer it. */
    Answer answer(FrontRequest request, ByteBufAllocator allocator) {
        long start = System.nanoTime();
        Instant received = clock.instant();
        CreateSnapshotRequestBody body;
        try {
            body = reader.readValid(request.projectId(), request.body());
        } catch (RuntimeException e) {
            body = null; // whatever failed, Tomcat's path answers it as it would alone
        }
        if (body == null) {
            return null;
        }
        String id = RequestIds.newId();
        MDC.put(RequestIds.MDC_KEY, id);
        boolean journaled = journal.capacity() > 0;
        if (journaled) {
            journal.begin();
        }
        int status = 500;
        byte[] json = null;
        try {
            LOG.trace("answering {} on the front", request.path());
            Principal principal = gateway.authenticate(request, request.body());
            Gateway.Fault fault = gateway.admit(request, request.body(), principal, request.projectId(),
                    Preferences.NONE, id);
            if (fault != null) {
                json = mapper.writeValueAsBytes(fault.body());
                status = fault.status();
            } else {
                json = writer.writeValueAsBytes(operation.create(request.projectId(), body, principal));
                status = 200;
            }
        } catch (DwsException e) {
            json = error(id, e.code(), e.getMessage());
            status = e.status();
        } catch (RuntimeException | IOException e) {
            // as ErrorHandler does: the trace to the log (with the request id), no detail out
            LOG.error("request failed", e);
            json = error(id, ErrorCodes.SERVER_FAILURE, ErrorCodes.SERVER_FAILURE_MESSAGE);
            status = 500;
        } finally {
            if (accessLog) {
                RequestIdFilter.logAccess("POST", request.path(), status, start, id);
            }
            if (journaled) {
                journal.end(received, request, status, id);
            }
            MDC.remove(RequestIds.MDC_KEY);
        }
        boolean close = request.close() || dropsConnection(status);
        return new Answer(answer(allocator, status, id, json, close, request.keepAlive()), close);
    }

    private byte[] error(String id, String code, String message) {
        try {
            return mapper.writeValueAsBytes(ErrorWriter.body(id, code, message));
        } catch (IOException e) {
            throw new IllegalStateException("an error body could not be written", e);
        }
    }

    /** The statuses after which Tomcat closes the connection (its Http11Processor.statusDropsConnection). */
    private static boolean dropsConnection(int status) {
        return status == 400 || status == 408 || status == 411 || status == 413 || status == 414 || status == 500
                || status == 501 || status == 503;
    }

    /** The head, written straight into the buffer (no string for it, no copy of the bytes), then the body. */
    private ByteBuf answer(ByteBufAllocator allocator, int status, String id, byte[] json, boolean close,
                           boolean keepAliveAsked) {
        ByteBuf out = allocator.buffer(HEAD_SIZE + json.length);
        try {
            return head(out, status, id, json.length, close, keepAliveAsked).writeBytes(json);
        } catch (RuntimeException | Error e) {
            out.release();
            throw e;
        }
    }

    private ByteBuf head(ByteBuf out, int status, String id, int length, boolean close, boolean keepAliveAsked) {
        ascii(out, "HTTP/1.1 ");
        digits(out, status);
        ascii(out, " \r\n" + RequestIds.HEADER + ": ");
        ascii(out, id);
        ascii(out, "\r\nContent-Type: application/json\r\nContent-Length: ");
        digits(out, length);
        ascii(out, "\r\nDate: ");
        ascii(out, FastHttpDateFormat.getCurrentDate());
        ascii(out, "\r\n");
        ascii(out, close ? "Connection: close\r\n" : keepAliveAsked ? keepAlive : "");
        ascii(out, "\r\n");
        return out;
    }

    private static void ascii(ByteBuf out, String text) {
        out.writeCharSequence(text, StandardCharsets.US_ASCII);
    }

    /** A non-negative number's decimal digits. */
    private static void digits(ByteBuf out, int number) {
        int unit = 1;
        while (unit <= number / 10) {
            unit *= 10;
        }
        for (; unit > 0; unit /= 10) {
            out.writeByte('0' + number / unit % 10);
        }
    }
}
