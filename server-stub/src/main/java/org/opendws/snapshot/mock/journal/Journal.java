package org.opendws.snapshot.mock.journal;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The last requests the mock received (a ring of fixed size, {@code dws.mock.journal.size}),
 * for tests that check what their client sent. Credentials are redacted before they are kept.
 */
public final class Journal {
    /** Headers whose values are replaced by {@link #REDACTED}. */
    public static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-auth-token", "x-security-token");
    /** What a secret header's value reads in the journal. */
    public static final String REDACTED = "<redacted>";

    /** how long {@link #entries()} waits for requests still being answered */
    private static final long SETTLE_MILLIS = 2_000;
    private final Entry[] ring;
    private int next;
    private int size;
    private int inFlight;

    /** A journal of at most {@code capacity} entries (0 keeps none). */
    public Journal(int capacity) {
        this.ring = new Entry[Math.max(0, capacity)];
    }

    /** One request and the status it got. */
    public record Entry(
            String timestamp,
            String method,
            String path,
            String query,
            int status,
            @JsonProperty("request_id") String requestId,
            Map<String, List<String>> headers) {
    }

    /** A request to be journaled has arrived; {@link #end} follows once it is answered. */
    public synchronized void begin() {
        inFlight++;
    }

    /** Keeps the entry of an answered request (dropping the oldest when full). */
    public synchronized void end(Entry entry) {
        inFlight--;
        add(entry);
        notifyAll();
    }

    private void add(Entry entry) {
        if (ring.length == 0) {
            return;
        }
        ring[next] = entry;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /**
     * The kept entries, oldest first. A client may have its whole answer before the server has
     * journaled the request, so this first waits (up to 2 s) for requests still being answered.
     */
    public synchronized List<Entry> entries() {
        long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
        long left;
        while (inFlight > 0 && (left = deadline - System.nanoTime()) > 0) {
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Entry> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            entries.add(ring[(next - size + i + ring.length) % ring.length]);
        }
        return entries;
    }

    /** How many entries it keeps at most. */
    public int capacity() {
        return ring.length;
    }

    /** Forgets every entry. */
    public synchronized void clear() {
        java.util.Arrays.fill(ring, null);
        next = 0;
        size = 0;
    }

    /** The request's headers (lower-case names), secrets redacted. */
    public static Map<String, List<String>> redactedHeaders(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String key = name.toLowerCase(Locale.ROOT);
            List<String> values = SECRET_HEADERS.contains(key)
                    ? Collections.list(request.getHeaders(name)).stream().map(v -> REDACTED).toList()
                    : Collections.list(request.getHeaders(name));
            headers.merge(key, values, (a, b) -> {
                List<String> all = new ArrayList<>(a);
                all.addAll(b);
                return all;
            });
        }
        return headers;
    }
}
