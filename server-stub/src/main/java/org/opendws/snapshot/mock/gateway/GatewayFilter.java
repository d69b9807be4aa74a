package org.opendws.snapshot.mock.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.opendws.snapshot.mock.auth.Principal;
import org.opendws.snapshot.mock.error.DwsException;
import org.opendws.snapshot.mock.error.ErrorWriter;
import org.opendws.snapshot.mock.fault.Latency;
import org.opendws.snapshot.mock.fault.Preferences;
import org.opendws.snapshot.mock.fault.Sleeper;
import org.opendws.snapshot.mock.request.CachedBodyRequest;
import org.opendws.snapshot.mock.request.RequestHead;
import org.opendws.snapshot.mock.request.RequestIds;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What Huawei Cloud's API gateway does before the DWS service sees a create request, in its
 * order: bound and keep the body, authenticate, then (on an authenticated request) the
 * injected faults and delays, then the permission on the project, then the empty-body check
 * ({@link Gateway}). The request's own validation and the cluster's existence follow in Spring MVC.
 */
public final class GatewayFilter extends OncePerRequestFilter {
    /** The request attribute of the path's project id, set on a request the gateway passes on. */
    public static final String PROJECT_ID_ATTRIBUTE = GatewayFilter.class.getName() + ".projectId";

    private final Gateway gateway;
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
    public GatewayFilter(Gateway gateway, ErrorWriter errors, int maxBodyBytes, Latency latency, Duration maxDelay,
                         Sleeper sleeper) {
        this.gateway = gateway;
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
        String projectId = Gateway.projectOf(request.getRequestURI());
        if (projectId == null) {
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
            RequestHead head = RequestHead.of(cached);
            Principal principal = gateway.authenticate(head, cached.body());
            principal.attachTo(cached);

            Preferences preferences = Preferences.parse(request.getHeaders(Preferences.HEADER));
            if (preferences.delay() != null) {
                sleeper.sleep(preferences.delay().compareTo(maxDelay) > 0 ? maxDelay : preferences.delay());
            }
            Gateway.Fault fault = gateway.admit(head, cached.body(), principal, projectId, preferences,
                    RequestIds.of(request));
            if (fault != null) {
                if (fault.preferred()) {
                    response.setHeader("Preference-Applied", "code=" + fault.status());
                }
                errors.write(request, response, fault.status(), fault.body());
                return;
            }
            cached.setAttribute(PROJECT_ID_ATTRIBUTE, projectId);
        } catch (DwsException e) {
            errors.write(request, response, e);
            return;
        }
        chain.doFilter(cached, response);
    }
}
