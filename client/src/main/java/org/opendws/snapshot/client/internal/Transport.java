package org.opendws.snapshot.client.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.jackson.JacksonEncoder;
import feign.okhttp.OkHttpClient;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.client.error.DwsConnectTimeoutException;
import org.opendws.snapshot.client.error.DwsConnectionException;
import org.opendws.snapshot.client.error.DwsException;
import org.opendws.snapshot.client.error.DwsReadTimeoutException;
import org.opendws.snapshot.client.generated.api.SnapshotsApi;
import org.opendws.snapshot.client.generated.invoker.ApiResponseDecoder;

/**
 * The generated Feign interface wired to the wire: OkHttp through {@code feign-okhttp}, signing of
 * the bytes sent ({@link AuthenticatingClient}), whole bodies read before a call returns
 * ({@link CompleteResponseClient}), the client's decoders, and the translation of transport
 * failures into the client's exceptions. Owns its connection pool; {@link #close()} closes it.
 *
 * <p>OkHttp, not the JDK's HttpClient: the JDK's (17) never closes the socket of an answer that
 * is not HTTP; OkHttp closes a connection that failed. Its settings: HTTP/1.1 only (the API
 * gateway speaks it, and the mock gets no upgrade attempts), no redirects (a signed request must
 * not be replayed elsewhere), no retries of its own (only the {@code RetryPolicy} retries, and it
 * logs each), and the read timeout as a call timeout, which covers the whole exchange, the body
 * included, so a server that stalls half-way through a body cannot hold the caller.
 */
public final class Transport implements AutoCloseable {
    private final URI endpoint;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final okhttp3.OkHttpClient http;
    private final SnapshotsApi api;

    /**
     * @param endpoint       where calls go
     * @param credentials    what each request is signed with, or its token
     * @param projectId      the project of every call ({@code X-Project-Id})
     * @param connectTimeout the longest wait for a connection
     * @param readTimeout    the longest wait for a complete response
     * @param requestLogging whether to log requests and responses ({@link RequestLogger})
     */
    public Transport(
            URI endpoint,
            Credentials credentials,
            String projectId,
            Duration connectTimeout,
            Duration readTimeout,
            boolean requestLogging) {
        this.endpoint = endpoint;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        // feign-okhttp uses this client as it is when the call's options equal its timeouts and
        // redirect setting (it derives another client per call otherwise)
        this.http = new okhttp3.OkHttpClient.Builder()
                .protocols(List.of(Protocol.HTTP_1_1))
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .callTimeout(readTimeout)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .addInterceptor(new Phase())
                .addNetworkInterceptor(Phase::connected)
                .build();
        ObjectMapper mapper = new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL) // an absent description is omitted, not null
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addHandler(new Models.LenientEnums()); // a snapshot's status or type this client does not know
        Feign.Builder feign = Feign.builder()
                .client(new AuthenticatingClient(
                        new CompleteResponseClient(new OkHttpClient(http)), credentials, projectId, new AkSkSigner()))
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
        // a timeout of the call wraps what it interrupted (OkHttp's "timeout"): look along the chain
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return new DwsConnectTimeoutException(
                        "No connection to " + endpoint + " within the connect timeout of " + connectTimeout.toMillis()
                                + " ms; the request was not sent",
                        cause);
            }
            if (t instanceof HttpTimeoutException) {
                return new DwsReadTimeoutException(
                        "No complete response from " + endpoint + " within the read timeout" + " of "
                                + readTimeout.toMillis() + " ms; the service may still have acted on the request",
                        cause);
            }
        }
        if (cause instanceof ConnectException) { // the JDK's carries no message of its own
            return new DwsConnectionException(
                    "Cannot connect to " + endpoint + " (refused or unreachable): " + describe(cause), cause);
        }
        if (cause instanceof IOException) {
            return new DwsConnectionException("Connection to " + endpoint + " failed: " + describe(cause), cause);
        }
        return new DwsException("Calling " + endpoint + " failed: " + describe(e), null, e);
    }

    /**
     * Closes the idle connections; one still in use is closed when its call ends. The client
     * starts no thread of its own: OkHttp's dispatcher pool serves asynchronous calls only, and
     * its shared task thread, which evicts idle connections, ends by itself when idle.
     */
    @Override
    public void close() {
        http.connectionPool().evictAll();
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

    /**
     * Tells the failures before a connection (the request was not sent) from those after it, which
     * OkHttp does not: it throws {@code SocketTimeoutException} for a connect timeout and a read
     * timeout alike, and a call timeout as whatever the cancelled read gave. The network
     * interceptor, which runs only once a connection is made, marks the call's request; this one
     * turns a timeout into the JDK's connect or read timeout exception, and any other failure
     * before the connection into a {@link ConnectException}. Both run on the calling thread.
     */
    private static final class Phase implements Interceptor {
        /** A call's mark: whether it has a connection. Tags a request, so it travels with the call. */
        private static final class Connected {
            private boolean connected;
        }

        static okhttp3.Response connected(Chain chain) throws IOException {
            Connected mark = chain.request().tag(Connected.class);
            if (mark != null) {
                mark.connected = true;
            }
            return chain.proceed(chain.request());
        }

        @Override
        public okhttp3.Response intercept(Chain chain) throws IOException {
            Connected mark = new Connected();
            try {
                return chain.proceed(
                        chain.request().newBuilder().tag(Connected.class, mark).build());
            } catch (IOException failure) {
                // the call timeout cancels the call, which closes its socket: the read fails with
                // whatever that gives, and the call is then cancelled (nothing else cancels one)
                if (failure instanceof InterruptedIOException || chain.call().isCanceled()) {
                    HttpTimeoutException timeout = mark.connected
                            ? new HttpTimeoutException("no response within the read timeout")
                            : new HttpConnectTimeoutException("no connection within the connect timeout");
                    timeout.initCause(failure);
                    throw timeout;
                }
                if (mark.connected || failure instanceof ConnectException) {
                    throw failure;
                }
                ConnectException notConnected = new ConnectException("no connection: " + failure);
                notConnected.initCause(failure);
                throw notConnected;
            }
        }
    }
}
