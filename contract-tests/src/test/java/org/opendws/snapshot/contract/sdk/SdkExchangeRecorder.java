package org.opendws.snapshot.contract.sdk;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.huaweicloud.sdk.core.HttpListener;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The last exchange of the official SDK's core, seen through its own {@link HttpListener} (what
 * its HTTP client sends and receives), so that it can be checked against the document.
 */
final class SdkExchangeRecorder implements HttpListener {
    /** A request as the core sent it. */
    record Sent(String method, URI uri, Map<String, List<String>> headers, String body) {}

    /** A response as the core received it. */
    record Received(int status, Map<String, List<String>> headers, String body) {}

    private volatile Sent sent;
    private volatile Received received;

    @Override
    public void preRequest(RequestListener request) {
        sent = new Sent(
                request.httpMethod(),
                URI.create(request.uri()),
                request.headers(),
                request.body().orElse(null));
        received = null;
    }

    @Override
    public void postResponse(ResponseListener response) {
        received = new Received(
                response.statusCode(), response.headers(), response.body().orElse(null));
    }

    Sent sent() {
        return sent;
    }

    Received received() {
        return received;
    }

    /** The last request and its response, validated against the document. */
    ValidationReport validate(OpenApiInteractionValidator validator) {
        if (sent == null || received == null) {
            throw new IllegalStateException("the core has not completed an exchange");
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(
                Request.Method.valueOf(sent.method().toUpperCase(Locale.ROOT)),
                sent.uri().getRawPath());
        String query = sent.uri().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] nameValue = pair.split("=", 2);
                request.withQueryParam(decode(nameValue[0]), nameValue.length == 2 ? decode(nameValue[1]) : "");
            }
        }
        sent.headers().forEach(request::withHeader);
        if (sent.body() != null) {
            request.withBody(sent.body());
        }
        SimpleResponse.Builder response = new SimpleResponse.Builder(received.status());
        received.headers().forEach(response::withHeader);
        if (received.body() != null && !received.body().isEmpty()) {
            response.withBody(received.body());
        }
        return validator.validate(request.build(), response.build());
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
