package org.opendws.snapshot.mock.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.Adapter;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.tomcat.util.net.SocketEvent;
import org.opendws.snapshot.mock.error.ErrorCodes;
import org.opendws.snapshot.mock.request.RequestIds;

/**
 * {@code OPTIONS *} (the server-wide ping) answered like every other method no API has: 405
 * {@code APIGW.0101} in the error schema with an {@code X-Request-Id}. Tomcat answers it in its
 * connector's adapter, before any valve or filter, with a 200 whose {@code Allow} lists methods
 * this API does not have and without the request id the document promises on every response;
 * this adapter answers it first and hands every other request to Tomcat's.
 */
public final class AsteriskOptions implements Adapter {
    private final Adapter tomcat;

    private AsteriskOptions(Adapter tomcat) {
        this.tomcat = tomcat;
    }

    /** Puts the adapter in front of Tomcat's, once the connector has made its own. */
    public static void install(Connector connector) {
        connector.addLifecycleListener(event -> {
            if (Lifecycle.AFTER_INIT_EVENT.equals(event.getType())) {
                ProtocolHandler protocol = connector.getProtocolHandler();
                protocol.setAdapter(new AsteriskOptions(protocol.getAdapter()));
            }
        });
    }

    @Override
    public void service(Request req, Response res) throws Exception {
        if (!"*".equals(req.requestURI().toString()) || !"OPTIONS".equals(req.getMethod())) {
            tomcat.service(req, res);
            return;
        }
        String id = RequestIds.newId();
        byte[] json = JsonErrorReportValve.body(ErrorCodes.NO_SUCH_API, "The API does not exist: OPTIONS *.", id)
                .getBytes(StandardCharsets.UTF_8);
        res.setStatus(405);
        res.setHeader(RequestIds.HEADER, id);
        res.setContentType("application/json");
        res.setContentLength(json.length);
        res.doWrite(ByteBuffer.wrap(json));
    }

    @Override
    public boolean prepare(Request req, Response res) throws Exception {
        return tomcat.prepare(req, res);
    }

    @Override
    public boolean asyncDispatch(Request req, Response res, SocketEvent status) throws Exception {
        return tomcat.asyncDispatch(req, res, status);
    }

    @Override
    public void log(Request req, Response res, long time) {
        tomcat.log(req, res, time);
    }

    @Override
    public void checkRecycled(Request req, Response res) {
        tomcat.checkRecycled(req, res);
    }

    @Override
    public String getDomain() {
        return tomcat.getDomain();
    }
}
