package org.opendws.snapshot.client.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opendws.snapshot.auth.AkSkCredentials;
import org.opendws.snapshot.auth.AkSkSigner;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.auth.SignRequest;
import org.opendws.snapshot.auth.TokenCredentials;

/**
 * Adds the credentials to each request just before the transport sends it, so that an AK/SK
 * signature covers exactly the URL, headers and body bytes that go on the wire (and a retry is
 * signed anew). Feign's request logging happens before this point, so it never sees them.
 *
 * <p>AK/SK: adds {@code X-Project-Id} and signs {@code content-type}, {@code host},
 * {@code x-project-id}, {@code x-sdk-date} (and {@code x-security-token} for temporary
 * credentials). IAM token: adds {@code X-Auth-Token}.
 */
final class AuthenticatingClient implements Client {
    static final String HEADER_PROJECT_ID = "X-Project-Id";
    static final String HEADER_AUTH_TOKEN = "X-Auth-Token";

    private final Client transport;
    private final Credentials credentials;
    private final String projectId;
    private final AkSkSigner signer;

    AuthenticatingClient(Client transport, Credentials credentials, String projectId, AkSkSigner signer) {
        this.transport = transport;
        this.credentials = credentials;
        this.projectId = projectId;
        this.signer = signer;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        return transport.execute(authenticate(request), options);
    }

    Request authenticate(Request request) {
        Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        if (credentials instanceof TokenCredentials token) {
            headers.put(HEADER_AUTH_TOKEN, List.of(token.token()));
        } else if (credentials instanceof AkSkCredentials keys) {
            headers.put(HEADER_PROJECT_ID, List.of(projectId));
            URI uri = URI.create(request.url());
            SignRequest.Builder toSign = SignRequest.builder()
                    .method(request.httpMethod().name())
                    .host(hostHeader(uri))
                    .rawPath(uri.getRawPath())
                    .rawQuery(uri.getRawQuery()) // this API has none, but a signature must cover any
                    .header(HEADER_PROJECT_ID, projectId)
                    .body(request.body() == null ? new byte[0] : request.body())
                    .credentials(keys);
            Collection<String> contentType = headers.get("Content-Type");
            if (contentType != null && !contentType.isEmpty()) {
                toSign.header("Content-Type", contentType.iterator().next());
            }
            signer.sign(toSign.build()).headers().forEach((name, value) -> headers.put(name, List.of(value)));
        }
        return Request.create(
                request.httpMethod(),
                request.url(),
                headers,
                request.body(),
                request.charset(),
                request.requestTemplate());
    }

    /**
     * The {@code Host} header as the transport (OkHttp) sends it: the host,
     * with the port unless it is the scheme's default.
     */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return port == -1 || port == defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }
}
