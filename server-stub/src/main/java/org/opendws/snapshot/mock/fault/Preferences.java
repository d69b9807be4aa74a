package org.opendws.snapshot.mock.fault;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.opendws.snapshot.mock.error.ServiceError;

/**
 * The {@code Prefer} header of a request, in Prism's convention: {@code code=<status>} answers
 * that documented status with the spec's example for it ({@code example=<name>} picks one of
 * several), {@code delay=<ms>} delays the answer. Unknown preferences are ignored (RFC 7240).
 *
 * @param code    the status asked for, or null
 * @param example the example name asked for, or null
 * @param delay   the delay asked for, or null
 */
public record Preferences(Integer code, String example, Duration delay) {
    /** The request header. */
    public static final String HEADER = "Prefer";
    /** No preference. */
    public static final Preferences NONE = new Preferences(null, null, null);

    /**
     * Parses every {@code Prefer} header of a request.
     *
     * @throws ServiceError 400 for a code or delay that is not a number
     */
    public static Preferences parse(List<String> headers) {
        Integer code = null;
        String example = null;
        Duration delay = null;
        for (String header : headers) {
            for (String preference : header.split("[,;]")) {
                int eq = preference.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = preference.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                String value = preference.substring(eq + 1).trim().replace("\"", "");
                switch (name) {
                    case "code" -> code = status(value);
                    case "example" -> example = value;
                    case "delay" -> delay = Duration.ofMillis(number(name, value));
                    default -> {
                        // not ours: ignored
                    }
                }
            }
        }
        return code == null && example == null && delay == null ? NONE : new Preferences(code, example, delay);
    }

    /** A status code: three digits (a longer number would wrap around as an int). */
    private static int status(String value) {
        long n = number("code", value);
        if (n > 999) {
            throw ServiceError.invalid("Prefer: code=" + value + " is not an HTTP status");
        }
        return (int) n;
    }

    private static Long number(String name, String value) {
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ServiceError.invalid("Prefer: " + name + "=" + value + " is not a non-negative whole number");
    }
}
