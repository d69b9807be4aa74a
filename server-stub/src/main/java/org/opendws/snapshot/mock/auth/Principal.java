package org.opendws.snapshot.mock.auth;

import jakarta.servlet.ServletRequest;
import java.util.Set;

/**
 * Who sent a request: {@code name} is what a snapshot's {@code created_by} shows (an AK, a
 * token's id, never a secret); {@code projects} the projects it may use, null for any.
 */
public record Principal(String name, Set<String> projects) {
    /** The principal of {@code dws.mock.auth=none}: may use any project. */
    public static final Principal ANONYMOUS = new Principal("anonymous", null);
    private static final String ATTRIBUTE = Principal.class.getName();

    /** Whether it may use the project. */
    public boolean mayUse(String projectId) {
        return projects == null || projects.contains(projectId);
    }

    /** Keeps it with the request. */
    public void attachTo(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The principal of an authenticated request, or {@link #ANONYMOUS}. */
    public static Principal of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Principal p ? p : ANONYMOUS;
    }
}
