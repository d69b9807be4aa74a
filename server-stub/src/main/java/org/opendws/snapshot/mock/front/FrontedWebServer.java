package org.opendws.snapshot.mock.front;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.apache.coyote.AbstractProtocol;
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
        long keepAliveMillis = tomcat.getTomcat().getConnector().getProtocolHandler() instanceof AbstractProtocol<?> protocol
                ? protocol.getKeepAliveTimeout() : 60_000;
        FrontCreate creates = create.getObject(); // a bean of the context, which is refreshed by now
        creates.keepAliveSeconds(keepAliveMillis / 1000);
        InetSocketAddress behind = new InetSocketAddress(InetAddress.getLoopbackAddress(), tomcat.getPort());
        try {
            front = Front.start(address, behind, creates, maxBody, keepAliveMillis);
        } catch (Exception e) { // Netty rethrows the BindException itself, unchecked or not
            tomcat.stop();
            PortInUseException.throwIfPortBindingException(e, address::getPort);
            throw new WebServerException("The front could not listen on " + address, e);
        }
        LOG.info("Listening on port {}: creates answered there, everything else by Tomcat on 127.0.0.1:{}",
                front.port(), tomcat.getPort());
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
        tomcat.shutDownGracefully(callback);
    }

    @Override
    public void destroy() {
        stop();
        tomcat.destroy();
    }
}
