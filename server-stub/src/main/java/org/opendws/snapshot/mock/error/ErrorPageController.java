package org.opendws.snapshot.mock.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.opendws.snapshot.mock.generated.model.ErrorResponse;
import org.opendws.snapshot.mock.request.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page of the servlet container (it replaces Spring Boot's Whitelabel page and
 * default error JSON): errors raised outside Spring MVC come out in the spec's error schema too,
 * with the request id, without a stack trace.
 */
@RestController
public class ErrorPageController implements ErrorController {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPageController.class);

    /** The error answer of the failed request. */
    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<ErrorResponse> error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // not an error dispatch but a client asking for the error page's path: no such API
            response.setHeader(RequestIds.HEADER, RequestIds.of(request));
            return ResponseEntity.status(404).contentType(MediaType.APPLICATION_JSON)
                    .body(ErrorWriter.body(request, ErrorCodes.NO_SUCH_API,
                            "The API does not exist: " + request.getMethod() + " " + request.getRequestURI() + "."));
        }
        int status = code instanceof Integer i ? i : 500;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String message;
        if (status >= 500) {
            if (failure instanceof Throwable t) {
                LOG.error("request failed", t);
            }
            message = ErrorCodes.SERVER_FAILURE_MESSAGE;
        } else if (status == 404 || status == 405) {
            message = "The API does not exist: " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) + ".";
        } else {
            message = "The request is malformed (HTTP status " + status + ").";
        }
        // set, not added: the request id filter may have set it before the error
        response.setHeader(RequestIds.HEADER, RequestIds.of(request));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(ErrorWriter.body(request, ErrorCodes.forStatus(status), message));
    }
}
