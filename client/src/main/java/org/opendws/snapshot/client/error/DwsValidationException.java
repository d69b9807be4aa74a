package org.opendws.snapshot.client.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The request breaks a rule of the API document and was not sent. {@link #violations()} names
 * every broken rule; so does the message.
 */
public class DwsValidationException extends DwsException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * @param operation  the operation that was refused, e.g. {@code createSnapshot}
     * @param violations the broken rules, at least one
     */
    public DwsValidationException(String operation, List<Violation> violations) {
        super(describe(operation, violations), null, null);
        this.violations = List.copyOf(violations);
    }

    /** @return every broken rule */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(String operation, List<Violation> violations) {
        return "Invalid " + operation + " request, not sent: "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }

    /**
     * One broken rule.
     *
     * @param field         the field as named on the wire, e.g. {@code snapshot.name} or {@code project_id}
     * @param rejectedValue the value that breaks the rule (may be null)
     * @param rule          the rule, e.g. {@code must match "^[A-Za-z][A-Za-z0-9_-]*$"}
     */
    public record Violation(String field, Object rejectedValue, String rule) {
        @Override
        public String toString() {
            String value = rejectedValue == null ? "null" : "\"" + rejectedValue + "\"";
            return field + " " + rule + " (rejected value: " + value + ")";
        }
    }
}
