package org.opendws.snapshot.mock.front;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import io.netty.channel.EventLoopGroup;
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
 * stops as its web server, and whose port it reports ({@code local.server.port}).
 */
public final class FrontedWebServer implements WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(FrontedWebServer.class);

    private final TomcatWebServer tomcat;
    private final InetSocketAddress address;
    private final ObjectProvider<FrontCreate> create;
    private final int maxBody;
    private volatile CompletableFuture<EventLoopGroup> loops = Front.prepare();
    private volatile Front front;

    FrontedWebServer(TomcatWebServer tomcat, InetSocketAddress address, ObjectProvider<FrontCreate> create, int maxBody) {
        this.tomcat = tomcat;
        this.address = address;
        this.create = create;
        this.maxBody = maxBody;
    }

    /** Tomcat, behind the front. */
    public TomcatWebServer tomcat() {
        return tomcat;
    }

    @Override
    public void start() {
        tomcat.start();
        if (front != null) {
            return;
        }
        if (loops.join().isShuttingDown()) {
            loops = Front.prepare(); // started again after a stop
        }
        // Tomcat's own settings, so that the front answers as it would
        AbstractHttp11Protocol<?> http = (AbstractHttp11Protocol<?>) tomcat.getTomcat().getConnector().getProtocolHandler();
        FrontCreate creates = create.getObject(); // a bean of the context, which is refreshed by now
        creates.keepAlive(http.getKeepAliveTimeout(), http.getUseKeepAliveResponseHeader());
        // a bound on a connection's requests or user agents treated apart: Tomcat answers everything
        boolean plain = http.getMaxKeepAliveRequests() == -1 && http.getRestrictedUserAgents() == null;
        FrontRequest.Limits limits = new FrontRequest.Limits(http.getMaxHttpRequestHeaderSize(), http.getMaxHeaderCount(),
                maxBody);
        InetSocketAddress behind = new InetSocketAddress(InetAddress.getLoopbackAddress(), tomcat.getPort());
        try {
            front = Front.start(loops.join(), address, behind, plain ? creates : null, limits,
                    new FrontConnection.Timeouts(http.getKeepAliveTimeout(), http.getConnectionTimeout()));
        } catch (Exception e) { // Netty rethrows the BindException itself, unchecked or not
            tomcat.stop();
            PortInUseException.throwIfPortBindingException(e, address::getPort);
            throw new WebServerException("The front could not listen on " + address, e);
        }
        LOG.info("Listening on port {}: creates answered there, everything else by Tomcat on {}:{}", front.port(),
                behind.getAddress().getHostAddress(), tomcat.getPort());
    }

    @Override
    public void stop() {
        Front running = front;
        front = null;
        if (running != null) {
            running.close();
        }
        tomcat.stop();
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
        stop();
        loops.thenAccept(EventLoopGroup::shutdownGracefully); // when never started
        tomcat.destroy();
    }
}
