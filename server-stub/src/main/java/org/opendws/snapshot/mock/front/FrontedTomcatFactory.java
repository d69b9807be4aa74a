package org.opendws.snapshot.mock.front;

import io.netty.channel.EventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.valves.AccessLogValve;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.servlet.ServletContextInitializer;

/**
 * Spring Boot's Tomcat, put behind the front ({@link FrontedWebServer}): Tomcat listens on a free
 * loopback port, the front on the address and port configured for the server. Every property
 * and customizer of the factory still applies to Tomcat; the connector customizers also run on a
 * connector made only to read Tomcat's settings from, so they must not act beyond the connector
 * they are given. (Spring Boot's own factory bean, which this replaces, would also take
 * {@code Tomcat*Customizer} beans; the mock's context has none.)
 */
public final class FrontedTomcatFactory extends TomcatServletWebServerFactory implements DisposableBean {
    private final ObjectProvider<FrontCreate> create;
    private final int maxBody;
    private String protocol = DEFAULT_PROTOCOL; // Tomcat's, which the factory does not tell
    /** the event loops of the next front, made while Spring Boot customizes this factory */
    private final AtomicReference<CompletableFuture<EventLoopGroup>> loops;

    /**
     * A factory whose servers answer creates with {@code create}.
     *
     * @param maxBody the largest body the mock takes ({@code dws.mock.max-body-size})
     */
    public FrontedTomcatFactory(ObjectProvider<FrontCreate> create, int maxBody) {
        this.create = create;
        this.maxBody = maxBody;
        this.loops = new AtomicReference<>(Front.prepare());
    }

    private CompletableFuture<EventLoopGroup> takeLoops() {
        CompletableFuture<EventLoopGroup> prepared = loops.getAndSet(null);
        return prepared != null ? prepared : Front.prepare(); // a second server of this factory
    }

    /** Shuts down event loops made for a front that was never started. */
    @Override
    public void destroy() {
        dropLoops();
    }

    private void dropLoops() {
        CompletableFuture<EventLoopGroup> unused = loops.getAndSet(null);
        if (unused != null) {
            unused.thenAccept(EventLoopGroup::shutdownGracefully);
        }
    }

    /**
     * Whether nothing is configured beyond the connector that the front does not do as Tomcat
     * does: TLS (known before a connector is made, whose TLS customizers must not run twice), a
     * context path, Tomcat's access log, forwarded headers. Compression and a {@code Server}
     * header reach the connector, and are checked there ({@link #plain}).
     */
    private boolean frontAnswersAsTomcat() {
        boolean tls = getSsl() != null && getSsl().isEnabled();
        boolean valves = getEngineValves().stream().anyMatch(v -> v instanceof RemoteIpValve || v instanceof AccessLogValve);
        return !tls && !valves && getPort() >= 0 && getContextPath().isEmpty();
    }

    @Override
    public void setProtocol(String protocol) {
        super.setProtocol(protocol);
        this.protocol = protocol;
    }

    @Override
    public WebServer getWebServer(ServletContextInitializer... initializers) {
        if (frontAnswersAsTomcat()) {
            InetAddress address = getAddress();
            int port = getPort();
            InetSocketAddress front = address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port);
            setAddress(InetAddress.getLoopbackAddress());
            setPort(0);
            try {
                // a connector as Tomcat's will be (every customizer applied), whose settings the
                // front copies, so that it can listen before Tomcat is made
                Connector settings = new Connector(protocol);
                customizeConnector(settings);
                if (settings.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http && plain(http)) {
                    return new FrontedWebServer(http, takeLoops(), front, create, maxBody,
                            () -> (TomcatWebServer) super.getWebServer(initializers)); // cleans up if it fails
                }
            } finally {
                setAddress(address);
                setPort(port);
            }
        }
        dropLoops();
        return super.getWebServer(initializers);
    }

    /**
     * Whether the connector, with the factory's settings and every customizer applied, is plain:
     * no TLS, compression or {@code Server} header.
     */
    private static boolean plain(AbstractHttp11Protocol<?> http) {
        return !http.isSSLEnabled() && "off".equals(http.getCompression()) && http.getServer() == null;
    }
}
