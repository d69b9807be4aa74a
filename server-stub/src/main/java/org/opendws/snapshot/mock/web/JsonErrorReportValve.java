package org.opendws.snapshot.mock.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.opendws.snapshot.mock.error.ErrorCodes;
import org.opendws.snapshot.mock.request.RequestIds;

/**
 * Tomcat's error report for what fails before {@link MockPipeline} sees the request (a malformed
 * URI or head, for example): the spec's error schema with a request id instead of Tomcat's HTML
 * page, the one kind of answer the pipeline cannot write.
 *
 * <p>Every refusal of the client's request is the document's 400 {@code DWS.0001}, whatever
 * Tomcat's status: a request it cannot serve for want of a feature (the {@code CONNECT} method,
 * a transfer coding other than chunked, an HTTP version other than 1.x; 501, 505) is the
 * client's request at fault, not a failure of the service, and a 5xx would invite retries of a
 * request that can never succeed; an {@code Expect} it does not meet (417) or a head it cannot
 * read is a parameter error like any other.
 */
public class JsonErrorReportValve extends ErrorReportValve {
    /**
     * An error body written without the application's JSON mapper, which these answers, made
     * before the pipeline runs, cannot reach; every value is the mock's own and needs no escaping.
     */
    static String body(String code, String message, String requestId) {
        return "{\"error_code\":\"" + code + "\",\"error_msg\":\"" + message + "\",\"request_id\":\"" + requestId
                + "\"}";
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String id = request.getAttribute(MockPipeline.REQUEST_ID) instanceof String s ? s : RequestIds.newId();
        String message;
        if (status == 404 || status == 405) {
            message = "The API does not exist.";
        } else if (status == 500 || status == 503) {
            message = ErrorCodes.SERVER_FAILURE_MESSAGE;
        } else {
            // the client's request at fault: the document's 400, whatever Tomcat's status
            message = status == 501 || status == 505
                    ? "The request uses an HTTP method, version or transfer coding this server does not implement."
                    : status == 417
                            ? "The request's Expect header asks for what this server does not do."
                            : "The request cannot be read: its request line, a header line or its body is malformed.";
            status = 400;
            response.setStatus(status);
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(RequestIds.HEADER, id);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body(ErrorCodes.forStatus(status), message, id));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing more to tell
        }
    }
}
