package org.opendws.snapshot.mock.front;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import io.netty.channel.EventLoopGroup;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.GracefulShutdownCallback;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.WebServerException;

/**
 * Tomcat on loopback with the front on the mock's address and port: what Spring Boot starts and
 * stops as its web server, and whose port it reports ({@code local.server.port}). The front
 * listens from the moment this is made (when Spring Boot refreshes the context, before it makes
 * Tomcat and the rest of the beans), so that a create is answered while Tomcat and Spring MVC
 * are still being made (README, "Benchmarks"). A connection the front passes to Tomcat waits
 * until Tomcat has started; until then the front answers creates as if without a bound on
 * keep-alive requests (which Tomcat reports only once it is bound).
 */
public final class FrontedWebServer implements WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(FrontedWebServer.class);

    private final AbstractHttp11Protocol<?> http; // Tomcat's settings (of a connector made as Tomcat's)
    private final InetSocketAddress address;
    private final ObjectProvider<FrontCreate> create;
    private final int maxBody;
    private final TomcatWebServer tomcat;
    private volatile CompletableFuture<EventLoopGroup> loops;
    private volatile CompletableFuture<InetSocketAddress> behind;
    private volatile Front front;

    /**
     * Starts the front on {@code loops} ({@link Front#prepare}), then makes Tomcat.
     *
     * @param settings the protocol of a connector made as Tomcat's will be, whose settings the front copies
     */
    FrontedWebServer(AbstractHttp11Protocol<?> settings, CompletableFuture<EventLoopGroup> loops,
                     InetSocketAddress address, ObjectProvider<FrontCreate> create, int maxBody,
                     Supplier<TomcatWebServer> makeTomcat) {
        this.http = settings;
        this.loops = loops;
        this.address = address;
        this.create = create;
        this.maxBody = maxBody;
        try {
            startFront();
            this.tomcat = makeTomcat.get();
        } catch (RuntimeException | Error e) { // the front listens: whatever went wrong, it must stop
            try { // Spring Boot has no server to stop yet
                stopFront();
            } catch (RuntimeException | Error cleanup) {
                e.addSuppressed(cleanup);
            } finally {
                this.loops.thenAccept(EventLoopGroup::shutdownGracefully);
            }
            throw e;
        }
    }

    /** Tomcat, behind the front. */
    public TomcatWebServer tomcat() {
        return tomcat;
    }

    @Override
    public void start() {
        if (front == null || behind.isCompletedExceptionally()) {
            stopFront();
            startFront(); // started again after a stop, or after Tomcat failed to start
        }
        try {
            tomcat.start();
        } catch (RuntimeException e) {
            behind.completeExceptionally(e);
            throw e;
        }
        // known once Tomcat is bound (before, Tomcat reports a bound of 1): with a bound on a
        // connection's requests, Tomcat answers everything
        Connector bound = tomcat.getTomcat().getService().findConnectors()[0];
        if (((AbstractHttp11Protocol<?>) bound.getProtocolHandler()).getMaxKeepAliveRequests() != -1) {
            front.passEverything();
        }
        behind.complete(new InetSocketAddress(InetAddress.getLoopbackAddress(), tomcat.getPort()));
        LOG.info("Listening on port {}: creates answered there, everything else by Tomcat on {}:{}", front.port(),
                InetAddress.getLoopbackAddress().getHostAddress(), tomcat.getPort());
    }

    private void startFront() {
        if (loops.join().isShuttingDown()) {
            loops = Front.prepare(); // started again after a stop
        }
        // Tomcat's settings, so that the front answers as it would
        FrontCreate creates = create.getObject(); // a bean of the context, made now with what it needs
        creates.keepAlive(http.getKeepAliveTimeout(), http.getUseKeepAliveResponseHeader());
        FrontRequest.Limits limits = new FrontRequest.Limits(http.getMaxHttpRequestHeaderSize(), http.getMaxHeaderCount(),
                maxBody);
        behind = new CompletableFuture<>();
        // user agents treated apart (known at once, unlike a keep-alive bound): Tomcat answers everything
        boolean plain = http.getRestrictedUserAgents() == null;
        try {
            front = Front.start(loops.join(), address, behind, plain ? creates : null, limits,
                    new FrontConnection.Timeouts(http.getKeepAliveTimeout(), http.getConnectionTimeout()));
        } catch (Exception e) { // Netty rethrows the BindException itself, unchecked or not
            PortInUseException.throwIfPortBindingException(e, address::getPort);
            throw new WebServerException("The front could not listen on " + address, e);
        }
    }

    @Override
    public void stop() {
        try {
            stopFront();
        } finally {
            tomcat.stop();
        }
    }

    private void stopFront() {
        Front running = front;
        front = null;
        CompletableFuture<InetSocketAddress> waiting = behind;
        if (waiting != null) {
            waiting.cancel(false); // connections still waiting for Tomcat are closed
        }
        if (running != null) {
            running.close();
        }
    }

    @Override
    public int getPort() {
        Front running = front;
        return running != null ? running.port() : -1;
    }

    @Override
    public void shutDownGracefully(GracefulShutdownCallback callback) {
        Front running = front;
        if (running != null) {
            running.drain(); // as Tomcat: no new connection or request, what has begun is answered
        }
        tomcat.shutDownGracefully(callback);
    }

    @Override
    public void destroy() {
        try {
            stop();
        } finally {
            loops.thenAccept(EventLoopGroup::shutdownGracefully); // when never started
            tomcat.destroy();
        }
    }
}
