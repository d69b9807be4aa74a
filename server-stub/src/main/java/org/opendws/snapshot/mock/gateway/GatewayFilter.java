package org.opendws.snapshot.mock.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.opendws.snapshot.mock.auth.Authenticator;
import org.opendws.snapshot.mock.auth.Principal;
import org.opendws.snapshot.mock.error.DwsException;
import org.opendws.snapshot.mock.error.ErrorWriter;
import org.opendws.snapshot.mock.fault.FaultInjector;
import org.opendws.snapshot.mock.fault.Latency;
import org.opendws.snapshot.mock.fault.Preferences;
import org.opendws.snapshot.mock.fault.Sleeper;
import org.opendws.snapshot.mock.generated.api.SnapshotsApi;
import org.opendws.snapshot.mock.request.CachedBodyRequest;
import org.opendws.snapshot.mock.request.RequestIds;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What Huawei Cloud's API gateway does before the DWS service sees a create request, in its
 * order: bound and keep the body, authenticate, then (on an authenticated request) the
 * injected faults and delays, then the permission on the project, then the empty-body check.
 * The request's own validation and the cluster's existence follow in Spring MVC.
 */
public final class GatewayFilter extends OncePerRequestFilter {
    /** The optional header that names the project; it must agree with the path. */
    public static final String HEADER_PROJECT_ID = "X-Project-Id";
    /** The request attribute of the path's project id, set on a request the gateway passes on. */
    public static final String PROJECT_ID_ATTRIBUTE = GatewayFilter.class.getName() + ".projectId";
    /** The create operation's path, from the generated interface (also OptionsAndTraceFilter's). */
    static final PathPattern OPERATION = PathPatternParser.defaultInstance.parse(SnapshotsApi.PATH_CREATE_SNAPSHOT);

    private final Authenticator authenticator;
    private final FaultInjector faults;
    private final ErrorWriter errors;
    private final int maxBodyBytes;
    private final Latency latency;
    private final Duration maxDelay;
    private final Sleeper sleeper;

    /**
     * A gateway with these parts.
     *
     * @param latency  added to every create request, or null for none
     * @param maxDelay the bound of {@code Prefer: delay}
     * @param sleeper  what sleeps for the latency and the delay
     */
    public GatewayFilter(Authenticator authenticator, FaultInjector faults, ErrorWriter errors, int maxBodyBytes,
                         Latency latency, Duration maxDelay, Sleeper sleeper) {
        this.authenticator = authenticator;
        this.faults = faults;
        this.errors = errors;
        this.maxBodyBytes = maxBodyBytes;
        this.latency = latency;
        this.maxDelay = maxDelay;
        this.sleeper = sleeper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the path parsed and matched once, here, for both the decision and the project id
        PathPattern.PathMatchInfo operation = OPERATION.matchAndExtract(PathContainer.parsePath(request.getRequestURI()));
        if (operation == null) {
            chain.doFilter(request, response);
            return;
        }
        CachedBodyRequest cached = CachedBodyRequest.readOrRefuse(request, response, maxBodyBytes, errors);
        if (cached == null) {
            return;
        }
        try {
            if (latency != null) {
                sleeper.sleep(latency.draw());
            }
            Principal principal = authenticator.authenticate(cached, cached.body());
            principal.attachTo(cached);

            Preferences preferences = Preferences.parse(request.getHeaders(Preferences.HEADER));
            if (preferences.delay() != null) {
                sleeper.sleep(preferences.delay().compareTo(maxDelay) > 0 ? maxDelay : preferences.delay());
            }
            Integer fault = preferences.code() != null ? preferences.code() : faults.next();
            if (fault != null) {
                Object body = faults.example(fault, preferences.code() != null ? preferences.example() : null,
                        RequestIds.of(request));
                if (preferences.code() != null) {
                    response.setHeader("Preference-Applied", "code=" + fault);
                }
                errors.write(request, response, fault, body);
                return;
            }

            String projectId = operation.getUriVariables().get("project_id");
            String headerProject = request.getHeader(HEADER_PROJECT_ID);
            if (headerProject != null && !headerProject.equals(projectId)) {
                throw DwsException.forbidden("The X-Project-Id header (" + headerProject
                        + ") disagrees with the project id in the path (" + projectId + ").");
            }
            if (!principal.mayUse(projectId)) {
                throw DwsException.forbidden("The credential is not allowed on project " + projectId + ".");
            }
            cached.setAttribute(PROJECT_ID_ATTRIBUTE, projectId);
            if (isBlank(cached.body())) {
                throw DwsException.emptyBody();
            }
            int malformedAt = firstMalformedUtf8(cached.body());
            if (malformedAt >= 0) {
                throw DwsException.invalid("The request body is not valid UTF-8 (byte " + malformedAt + ").");
            }
        } catch (DwsException e) {
            errors.write(request, response, e);
            return;
        }
        chain.doFilter(cached, response);
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
