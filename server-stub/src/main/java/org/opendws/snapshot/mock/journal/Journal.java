package org.opendws.snapshot.mock.journal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opendws.snapshot.mock.request.MockRequest;

/**
 * The last requests the mock received (a ring of fixed size, {@code dws.mock.journal.size}),
 * for tests that check what their client sent. Credentials are redacted before they are kept.
 * The pipeline records a request before its answer is sent, so a client that holds an answer
 * finds its request here.
 */
public final class Journal {
    /** Headers whose values are replaced by {@link #REDACTED}. */
    public static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-auth-token", "x-security-token");

    private static final String[] SECRETS = SECRET_HEADERS.toArray(String[]::new); // no iterator per header
    /** What a secret header's value reads in the journal. */
    public static final String REDACTED = "<redacted>";
    /**
     * How much of a request's body is kept: enough for any body of this API, while a full
     * journal of bodies at the 1 MiB limit would hold a gigabyte.
     */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private final Kept[] ring;
    private int next;
    private int size;

    /** A journal of at most {@code capacity} entries (0 keeps none). */
    public Journal(int capacity) {
        this.ring = new Kept[Math.max(0, capacity)];
    }

    /**
     * One request and the status it got.
     *
     * @param body     the body as UTF-8 text, its first {@value #MAX_BODY_BYTES} bytes; null when empty
     * @param bodySize the body's whole size in bytes
     */
    public record Entry(
            String timestamp,
            String method,
            String path,
            String query,
            int status,
            @JsonProperty("request_id") String requestId,
            Map<String, List<String>> headers,
            String body,
            @JsonProperty("body_size") int bodySize) {}

    /**
     * What is kept of a request: its entry is written out only when the journal is read, so a
     * request costs no formatting.
     *
     * @param headers names as sent and their values, alternating, secrets redacted (names are
     *                lower-cased when the journal is read, not for every request)
     * @param body     at most the first {@value #MAX_BODY_BYTES} bytes of the body
     * @param bodySize the body's whole size
     */
    private record Kept(
            Instant received,
            String method,
            String path,
            String query,
            int status,
            String requestId,
            String[] headers,
            byte[] body,
            int bodySize) {
        Entry entry() {
            Map<String, List<String>> byName = new LinkedHashMap<>();
            for (int i = 0; i < headers.length; i += 2) {
                byName.computeIfAbsent(headers[i].toLowerCase(Locale.ROOT), name -> new ArrayList<>(1))
                        .add(headers[i + 1]);
            }
            // a body cut inside a UTF-8 sequence ends in U+FFFD, which is fine for reading
            return new Entry(
                    received.toString(),
                    method,
                    path,
                    query,
                    status,
                    requestId,
                    byName,
                    body.length == 0 ? null : new String(body, StandardCharsets.UTF_8),
                    bodySize);
        }
    }

    /**
     * Keeps a request about to be answered (dropping the oldest when full).
     *
     * @param received when it arrived
     * @param request  the request (its method, path, query, headers and body are kept, secrets redacted,
     *                 the body cut at {@value #MAX_BODY_BYTES} bytes)
     * @param status   the status it was answered with
     * @param requestId the id it was given
     */
    public void record(Instant received, MockRequest request, int status, String requestId) {
        if (ring.length == 0) {
            return;
        }
        byte[] body = request.body(); // read once per request and never changed: kept as is when small
        Kept kept = new Kept(
                received,
                request.method(),
                request.path(),
                request.query(),
                status,
                requestId,
                redactedHeaders(request),
                body.length > MAX_BODY_BYTES ? Arrays.copyOf(body, MAX_BODY_BYTES) : body,
                body.length);
        synchronized (this) {
            add(kept);
        }
    }

    private void add(Kept kept) {
        ring[next] = kept;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** The kept entries, oldest first. */
    public List<Entry> entries() {
        Kept[] kept;
        synchronized (this) {
            kept = new Kept[size];
            for (int i = 0; i < size; i++) {
                kept[i] = ring[(next - size + i + ring.length) % ring.length];
            }
        }
        // written out after the lock: requests answered meanwhile are not held up
        List<Entry> entries = new ArrayList<>(kept.length);
        for (Kept request : kept) {
            entries.add(request.entry());
        }
        return entries;
    }

    /** How many entries it keeps at most. */
    public int capacity() {
        return ring.length;
    }

    /** Forgets every entry. */
    public synchronized void clear() {
        Arrays.fill(ring, null);
        next = 0;
        size = 0;
    }

    /** The request's headers: names as sent and their values, alternating, secrets redacted. */
    private static String[] redactedHeaders(MockRequest request) {
        List<String> pairs = new ArrayList<>(16);
        request.forEachHeader((name, value) -> {
            pairs.add(name);
            pairs.add(secret(name) ? REDACTED : value);
        });
        return pairs.toArray(String[]::new);
    }

    private static boolean secret(String name) {
        for (String secret : SECRETS) {
            if (secret.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
