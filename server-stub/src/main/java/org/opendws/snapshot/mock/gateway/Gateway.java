package org.opendws.snapshot.mock.gateway;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.opendws.snapshot.mock.auth.Authenticator;
import org.opendws.snapshot.mock.auth.Principal;
import org.opendws.snapshot.mock.error.DwsException;
import org.opendws.snapshot.mock.fault.FaultInjector;
import org.opendws.snapshot.mock.fault.Preferences;
import org.opendws.snapshot.mock.generated.api.SnapshotsApi;
import org.opendws.snapshot.mock.request.RequestHead;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The checks of Huawei Cloud's API gateway on a create request, in its order: authenticate, then
 * (on an authenticated request) the injected faults, the permission on the project and the
 * empty-body check. Without HTTP: {@link GatewayFilter} runs it in Tomcat (with the injected
 * delays), the front ({@code front} package) on the thread that read the request.
 */
public final class Gateway {
    /** The optional header that names the project; it must agree with the path. */
    public static final String HEADER_PROJECT_ID = "X-Project-Id";
    /** The create operation's path, from the generated interface (also OptionsAndTraceFilter's). */
    static final PathPattern OPERATION = PathPatternParser.defaultInstance.parse(SnapshotsApi.PATH_CREATE_SNAPSHOT);

    private final Authenticator authenticator;
    private final FaultInjector faults;

    /** A gateway with these parts. */
    public Gateway(Authenticator authenticator, FaultInjector faults) {
        this.authenticator = authenticator;
        this.faults = faults;
    }

    /**
     * A fault to answer instead of doing the operation.
     *
     * @param status    its status
     * @param body      the spec's example for it
     * @param preferred whether the client asked for it ({@code Prefer: code=...})
     */
    public record Fault(int status, Object body, boolean preferred) {
    }

    /** The project id of a path to the create operation, or null for any other path. */
    public static String projectOf(String path) {
        PathPattern.PathMatchInfo operation = OPERATION.matchAndExtract(PathContainer.parsePath(path));
        return operation == null ? null : operation.getUriVariables().get("project_id");
    }

    /**
     * Who sent the request.
     *
     * @throws DwsException 401 when authentication fails
     */
    public Principal authenticate(RequestHead head, byte[] body) {
        return authenticator.authenticate(head, body);
    }

    /**
     * The checks after authentication (and any delay).
     *
     * @return the fault to answer, or null when the request goes on to the operation
     * @throws DwsException 403 when the principal may not use the project, 400 for an empty or
     *                      malformed body or a {@code Prefer} that asks for what the spec lacks
     */
    public Fault admit(RequestHead head, byte[] body, Principal principal, String projectId, Preferences preferences,
                       String requestId) {
        Integer fault = preferences.code() != null ? preferences.code() : faults.next();
        if (fault != null) {
            boolean preferred = preferences.code() != null;
            return new Fault(fault, faults.example(fault, preferred ? preferences.example() : null, requestId), preferred);
        }
        String headerProject = head.header(HEADER_PROJECT_ID);
        if (headerProject != null && !headerProject.equals(projectId)) {
            throw DwsException.forbidden("The X-Project-Id header (" + headerProject
                    + ") disagrees with the project id in the path (" + projectId + ").");
        }
        if (!principal.mayUse(projectId)) {
            throw DwsException.forbidden("The credential is not allowed on project " + projectId + ".");
        }
        if (isBlank(body)) {
            throw DwsException.emptyBody();
        }
        int malformedAt = firstMalformedUtf8(body);
        if (malformedAt >= 0) {
            throw DwsException.invalid("The request body is not valid UTF-8 (byte " + malformedAt + ").");
        }
        return null;
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
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
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
