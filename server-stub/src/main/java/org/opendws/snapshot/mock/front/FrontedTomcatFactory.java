package org.opendws.snapshot.mock.front;

import java.net.InetAddress;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.valves.AccessLogValve;
import org.apache.catalina.valves.RemoteIpValve;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.servlet.ServletContextInitializer;

/**
 * Spring Boot's Tomcat, put behind the front ({@link FrontedWebServer}): Tomcat listens on a free
 * loopback port, the front on the address and port configured for the server. Every property
 * and customizer of the factory still applies to Tomcat. (Spring Boot's own factory bean, which
 * this replaces, would also take {@code Tomcat*Customizer} beans; the mock's context has none.)
 */
public final class FrontedTomcatFactory extends TomcatServletWebServerFactory {
    private final ObjectProvider<FrontCreate> create;
    private final int maxBody;
    private Connector connector; // the one being made by getWebServer (on the thread that refreshes the context)

    /**
     * A factory whose servers answer creates with {@code create}.
     *
     * @param maxBody the largest body the mock takes ({@code dws.mock.max-body-size})
     */
    public FrontedTomcatFactory(ObjectProvider<FrontCreate> create, int maxBody) {
        this.create = create;
        this.maxBody = maxBody;
    }

    /**
     * Whether nothing is configured that the front does not do as Tomcat does: TLS, a context
     * path, a {@code Server} header, compression, Tomcat's access log, forwarded headers.
     */
    private boolean frontAnswersAsTomcat() {
        boolean tls = getSsl() != null && getSsl().isEnabled();
        boolean compression = getCompression() != null && getCompression().getEnabled();
        boolean valves = getEngineValves().stream().anyMatch(v -> v instanceof RemoteIpValve || v instanceof AccessLogValve);
        return !tls && !compression && !valves && getPort() >= 0 && getContextPath().isEmpty() && getServerHeader() == null;
    }

    /**
     * Keeps the connector being made: Tomcat's own {@code getConnector()} would make a second one,
     * on port 8080, while Spring Boot holds this one apart until the server starts.
     */
    @Override
    protected void customizeConnector(Connector connector) {
        super.customizeConnector(connector);
        this.connector = connector;
    }

    @Override
    public WebServer getWebServer(ServletContextInitializer... initializers) {
        if (!frontAnswersAsTomcat()) {
            return super.getWebServer(initializers);
        }
        InetAddress address = getAddress();
        int port = getPort();
        InetSocketAddress front = address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port);
        setAddress(InetAddress.getLoopbackAddress());
        setPort(0);
        CompletableFuture<EventLoopGroup> loops = Front.prepare(); // while Tomcat is made
        try {
            TomcatWebServer tomcat;
            try {
                tomcat = (TomcatWebServer) super.getWebServer(initializers);
            } catch (RuntimeException e) {
                loops.thenAccept(EventLoopGroup::shutdownGracefully);
                throw e;
            }
            return new FrontedWebServer(tomcat, connector, loops, front, create, maxBody); // cleans up if it fails
        } finally {
            setAddress(address);
            setPort(port);
        }
    }
}
