package org.opendws.snapshot.mock.auth;

import java.util.Set;

/**
 * Who sent a request: {@code name} is what a snapshot's {@code created_by} shows (an AK, a
 * token's id, never a secret); {@code projects} the projects it may use, null for any.
 */
public record Principal(String name, Set<String> projects) {
    /** The principal of {@code dws.mock.auth=none}: may use any project. */
    public static final Principal ANONYMOUS = new Principal("anonymous", null);

    /** Whether it may use the project. */
    public boolean mayUse(String projectId) {
        return projects == null || projects.contains(projectId);
    }
}
