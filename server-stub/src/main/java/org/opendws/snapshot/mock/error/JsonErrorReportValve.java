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
 */
public class JsonErrorReportValve extends ErrorReportValve {
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String id = request.getAttribute(RequestIds.class.getName()) instanceof String s ? s : RequestIds.newId();
        String message = status >= 500 ? "Internal server error."
                : status == 404 || status == 405 ? "The API does not exist."
                : "The request is malformed (HTTP status " + status + ").";
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
