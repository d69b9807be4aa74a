package org.opendws.snapshot.client.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonEncoder;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.client.error.DwsConnectTimeoutException;
import org.opendws.snapshot.client.error.DwsConnectionException;
import org.opendws.snapshot.client.error.DwsException;
import org.opendws.snapshot.client.error.DwsReadTimeoutException;
import org.opendws.snapshot.client.generated.api.SnapshotsApi;
import org.opendws.snapshot.client.generated.invoker.ApiResponseDecoder;

/**
 * The generated Feign interface wired to the wire: the HTTP transport, signing of the bytes sent
 * ({@link AuthenticatingClient}), whole bodies read within the read timeout
 * ({@link CompleteResponseClient}), the client's decoders, and the translation of transport
 * failures into the client's exceptions. Owns the connections and the timer thread; {@link #close()}
 * releases them.
 */
public final class Transport implements AutoCloseable {
    private final URI endpoint;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final HttpClient httpClient;
    private final ScheduledExecutorService bodyTimer;
    private final SnapshotsApi api;

    /**
     * @param endpoint       where calls go
     * @param credentials    what each request is signed with, or its token
     * @param projectId      the project of every call ({@code X-Project-Id})
     * @param connectTimeout the longest wait for a connection
     * @param readTimeout    the longest wait for a complete response
     * @param requestLogging whether to log requests and responses ({@link RequestLogger})
     */
    public Transport(URI endpoint, Credentials credentials, String projectId, Duration connectTimeout,
                     Duration readTimeout, boolean requestLogging) {
        this.endpoint = endpoint;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        // HTTP/1.1: the API gateway speaks it, and plain-HTTP endpoints (the mock) get no h2c upgrade
        // headers; redirects are not followed, a signed request must not be replayed elsewhere.
        // The client's own steps run on its selector thread instead of being handed to a pool (the
        // default): the caller blocks for each call anyway, and each hand-off was a thread wake-up,
        // a large share of a call on loopback. Nothing that blocks runs
        // there: the body is read by the caller from the stream the transport fills.
        this.httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Runnable::run)
                .build();
        this.bodyTimer = newBodyTimer();
        ObjectMapper mapper = new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL) // an absent description is omitted, not null
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addHandler(new Models.LenientEnums()); // a snapshot's status or type this client does not know
        Feign.Builder feign = Feign.builder()
                .client(new AuthenticatingClient(new CompleteResponseClient(new Http2Client(httpClient), bodyTimer),
                        credentials, projectId, new AkSkSigner()))
                .encoder(new JacksonEncoder(mapper))
                .decoder(new SuccessDecoder(new ApiResponseDecoder(mapper)))
                .errorDecoder(new ServiceErrorDecoder(mapper))
                .retryer(Retryer.NEVER_RETRY) // retries are the client's own: see Retrier
                .options(new Request.Options(connectTimeout, readTimeout, false));
        feign = requestLogging
                ? feign.logger(new RequestLogger()).logLevel(Logger.Level.FULL)
                : feign.logLevel(Logger.Level.NONE);
        this.api = feign.target(SnapshotsApi.class, endpoint.toString());
    }

    /** @return the API, sending through this transport */
    public SnapshotsApi api() {
        return api;
    }

    /**
     * The client's exception for a failed call. Feign reports transport failures as a
     * RetryableException with the IOException as cause, and wraps what the decoders throw.
     *
     * @param e what a call of {@link #api()} threw
     * @return the exception to throw (or retry)
     */
    public DwsException failure(RuntimeException e) {
        if (e instanceof DwsException failure) {
            return failure;
        }
        Throwable cause = e.getCause();
        if (cause instanceof DwsException failure) { // thrown by our decoder, wrapped by Feign
            return failure;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new DwsConnectTimeoutException("No connection to " + endpoint + " within the connect timeout of "
                    + connectTimeout.toMillis() + " ms; the request was not sent", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new DwsReadTimeoutException("No complete response from " + endpoint + " within the read timeout of "
                    + readTimeout.toMillis() + " ms; the service may still have acted on the request", cause);
        }
        if (cause instanceof ConnectException) { // the JDK's carries no message of its own
            return new DwsConnectionException("Cannot connect to " + endpoint + " (refused or unreachable): "
                    + describe(cause), cause);
        }
        if (cause instanceof IOException) {
            return new DwsConnectionException("Connection to " + endpoint + " failed: " + describe(cause), cause);
        }
        return new DwsException("Calling " + endpoint + " failed: " + describe(e), null, e);
    }

    /** Ends the timer thread and closes the connections. */
    @Override
    public void close() {
        bodyTimer.shutdownNow();
        if (httpClient instanceof AutoCloseable closeable) { // Java 21 and later
            try {
                closeable.close();
            } catch (Exception ignored) {
                // nothing more can be done about it
            }
        }
    }

    /** The type and the first message along the cause chain (the JDK's ConnectException has none of its own). */
    private static String describe(Throwable failure) {
        String type = failure.getClass().getSimpleName();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return type + ": " + t.getMessage();
            }
        }
        return type;
    }

    private static ScheduledExecutorService newBodyTimer() {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dws-snapshot-client-body-timeout");
            thread.setDaemon(true);
            return thread;
        });
    }
}
