package org.opendws.snapshot.mock.web;

import jakarta.servlet.http.HttpServletRequest;
import org.opendws.snapshot.mock.error.ErrorMapper;
import org.opendws.snapshot.mock.request.MockRequest;
import org.opendws.snapshot.mock.request.RequestIds;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What fails inside Spring MVC (binding and validation of the generated interface, an
 * operation's own refusal, no such path or method) goes to the pipeline's one {@link ErrorMapper}.
 */
@RestControllerAdvice
public class ErrorAdvice {
    private final ErrorMapper errors;

    /** Answers written by {@code errors}. */
    public ErrorAdvice(ErrorMapper errors) {
        this.errors = errors;
    }

    /** Any failure of a request handled by Spring MVC. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> failure(Exception e, HttpServletRequest request) {
        String id = request.getAttribute(MockPipeline.REQUEST_ID) instanceof String s ? s : RequestIds.newId();
        MockRequest head = request.getAttribute(MockPipeline.MOCK_REQUEST) instanceof MockRequest r
                ? r
                : MockPipeline.head(request);
        ErrorMapper.ErrorAnswer answer = errors.answer(e, head, id);
        HttpHeaders headers = new HttpHeaders();
        answer.headers().forEach(headers::set);
        return ResponseEntity.status(answer.status())
                .headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .body(answer.body(id));
    }
}
