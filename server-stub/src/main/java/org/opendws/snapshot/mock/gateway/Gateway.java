package org.opendws.snapshot.mock.gateway;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.opendws.snapshot.mock.auth.Authenticator;
import org.opendws.snapshot.mock.auth.Principal;
import org.opendws.snapshot.mock.error.ServiceError;
import org.opendws.snapshot.mock.fault.FaultInjector;
import org.opendws.snapshot.mock.fault.Latency;
import org.opendws.snapshot.mock.fault.Preferences;
import org.opendws.snapshot.mock.request.MockRequest;
import org.opendws.snapshot.mock.spec.OpenApiDocument;

/**
 * What Huawei Cloud's API gateway does before the DWS service sees a request to one of the
 * document's operations, in its order: authenticate (signature or token, clock skew, lockout),
 * the permission on the project, then the injected faults and delays, then the body checks (of an
 * operation that requires a body: a GET or DELETE has none to check). Free of any HTTP
 * server: the pipeline ({@code web} package) hands it a {@link MockRequest} and acts on the
 * {@link Admission}. Requests that are no operation of the document (the docs, the admin API, an
 * unknown path) pass untouched.
 */
public final class Gateway {
    /** The optional header that names the project; it must agree with the path. */
    public static final String HEADER_PROJECT_ID = "X-Project-Id";

    private final OpenApiDocument document;
    private final Authenticator authenticator;
    private final FaultInjector faults;
    private final Latency latency;
    private final Duration maxDelay;

    /**
     * A gateway with these parts.
     *
     * @param latency  added to every request to an operation, or null for none
     * @param maxDelay the bound of {@code Prefer: delay}
     */
    public Gateway(
            OpenApiDocument document,
            Authenticator authenticator,
            FaultInjector faults,
            Latency latency,
            Duration maxDelay) {
        this.document = document;
        this.authenticator = authenticator;
        this.faults = faults;
        this.latency = latency;
        this.maxDelay = maxDelay;
    }

    /**
     * A fault to answer instead of doing the operation.
     *
     * @param status    its status
     * @param body      the spec's example for it, or null when the document gives that answer no body
     * @param preferred whether the client asked for it ({@code Prefer: code=...})
     */
    public record Fault(int status, Object body, boolean preferred) {}

    /**
     * What the gateway decided: wait {@code delay}, then answer {@code refusal} (an error) or
     * {@code fault} if one is set, else pass the request on to its operation as {@code principal}.
     */
    public record Admission(Duration delay, Principal principal, Fault fault, ServiceError refusal) {
        /** A request that is no operation of the document: passed on untouched. */
        public static final Admission NOT_AN_OPERATION = new Admission(Duration.ZERO, null, null, null);
    }

    /** The gateway's decision on {@code request}, whose id is {@code requestId}. */
    public Admission admit(MockRequest request, String requestId) {
        OpenApiDocument.Match operation = document.operation(request.method(), request.path());
        if (operation == null) {
            return Admission.NOT_AN_OPERATION;
        }
        Duration delay = latency == null ? Duration.ZERO : latency.draw();
        Principal principal = null;
        try {
            principal = authenticator.authenticate(request);
            checkProject(request, operation.pathVariables().get("project_id"), principal);
            Preferences preferences = Preferences.parse(request.headers(Preferences.HEADER));
            if (preferences.delay() != null) {
                delay = delay.plus(preferences.delay().compareTo(maxDelay) > 0 ? maxDelay : preferences.delay());
            }
            Integer fault = preferences.code() != null ? preferences.code() : faults.next(operation.operation());
            if (fault != null) {
                boolean preferred = preferences.code() != null;
                Object example = faults.example(
                        operation.operation(), fault, preferred ? preferences.example() : null, requestId);
                return new Admission(delay, principal, new Fault(fault, example, preferred), null);
            }
            if (operation.operation().bodyRequired()) {
                checkBody(request.body());
            }
            return new Admission(delay, principal, null, null);
        } catch (ServiceError refusal) {
            return new Admission(delay, principal, null, refusal);
        }
    }

    private static void checkProject(MockRequest request, String projectId, Principal principal) {
        if (projectId == null) {
            return;
        }
        String headerProject = request.header(HEADER_PROJECT_ID);
        if (headerProject != null && !headerProject.equals(projectId)) {
            throw ServiceError.forbidden("The X-Project-Id header (" + headerProject
                    + ") disagrees with the project id in the path (" + projectId + ").");
        }
        if (!principal.mayUse(projectId)) {
            throw ServiceError.forbidden("The credential is not allowed on project " + projectId + ".");
        }
    }

    private static void checkBody(byte[] body) {
        if (isBlank(body)) {
            throw ServiceError.emptyBody();
        }
        int malformedAt = firstMalformedUtf8(body);
        if (malformedAt >= 0) {
            throw ServiceError.invalid("The request body is not valid UTF-8 (byte " + malformedAt + ").");
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the body stops being UTF-8, or -1. JSON must be UTF-8 (RFC 8259), and Jackson decodes
     * some invalid sequences (overlong forms such as C1 AE for 'n') into characters instead of
     * refusing them; the JDK's decoder refuses every one.
     */
    private static int firstMalformedUtf8(byte[] body) {
        int ascii = 0;
        while (ascii < body.length && body[ascii] >= 0) {
            ascii++;
        }
        if (ascii == body.length) {
            return -1; // all ASCII, as bodies nearly always are: no decoder needed
        }
        ByteBuffer in = ByteBuffer.wrap(body, ascii, body.length - ascii);
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(Math.min(1024, body.length + 1));
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }
}
