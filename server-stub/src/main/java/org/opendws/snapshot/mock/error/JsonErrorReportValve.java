package org.opendws.snapshot.mock.error;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.opendws.snapshot.mock.request.RequestIds;

/**
 * Tomcat's error report for what fails before the application sees the request (a malformed
 * URI, for example): the spec's error schema with a request id instead of Tomcat's HTML page.
 *
 * <p>Tomcat answers a request it cannot serve for want of a feature (the {@code CONNECT} method,
 * a transfer coding other than chunked, an HTTP version other than 1.x) with 501 or 505. Those
 * are the client's request at fault, not a failure of the service: a 5xx would invite retries
 * of a request that can never succeed (and count as an outage), so they answer 400.
 */
public class JsonErrorReportValve extends ErrorReportValve {
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String id = request.getAttribute(RequestIds.class.getName()) instanceof String s ? s : RequestIds.newId();
        String message;
        if (status == 501 || status == 505) {
            status = 400;
            response.setStatus(status);
            message = "The request uses an HTTP method, version or transfer coding this server does not implement.";
        } else {
            message = status >= 500 ? ErrorCodes.SERVER_FAILURE_MESSAGE
                    : status == 404 || status == 405 ? "The API does not exist."
                    : "The request is malformed (HTTP status " + status + ").";
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(RequestIds.HEADER, id);
            Writer writer = response.getReporter();
            if (writer != null) {
                // every value is ours and needs no JSON escaping
                writer.write("{\"error_code\":\"" + ErrorCodes.forStatus(status) + "\",\"error_msg\":\"" + message
                        + "\",\"request_id\":\"" + id + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing more to tell
        }
    }
}
