package org.opendws.snapshot.mock;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request the mock received, as {@link DwsMockServer#journal()} lists it. Credentials
 * ({@code Authorization}, {@code X-Auth-Token}, {@code X-Security-Token}) read
 * {@code <redacted>}: a test can print the journal without leaking them.
 *
 * @param received  when it arrived, on the server's clock
 * @param method    its method
 * @param path      its path as sent, not decoded
 * @param query     its query as sent, or null
 * @param status    the status it was answered with
 * @param requestId the {@code X-Request-Id} of the answer
 * @param headers   its headers by lower-case name, each name's values in the order sent
 * @param body      its body as UTF-8 text, at most its first 16 KiB; null when it had none
 * @param bodySize  its body's whole size in bytes
 */
public record JournalEntry(
        Instant received,
        String method,
        String path,
        String query,
        int status,
        String requestId,
        Map<String, List<String>> headers,
        String body,
        int bodySize) {
    /** Keeps an unmodifiable copy of the headers. */
    public JournalEntry {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The first value of a header (its name in any case), or null when the request had none. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
