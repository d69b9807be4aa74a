package org.opendws.snapshot.mock.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The snapshots created so far, per project, unique by name without regard to case.
 *
 * <p>Built to hold millions: one small entry per snapshot (two longs of id, one of time, the
 * name only when its case differs from the key, the description as UTF-8 bytes or nothing) and
 * references to shared instances for the cluster id and the creator. {@link #create} is atomic:
 * of concurrent creates of one name, exactly one wins. Thread-safe.
 */
public final class SnapshotStore {
    private final Map<String, Map<String, Entry>> projects = new ConcurrentHashMap<>();
    private final Map<String, String> creators = new ConcurrentHashMap<>();
    private final AtomicLong count = new AtomicLong();
    private final long capacity;

    /** A store of at most {@code capacity} snapshots. */
    public SnapshotStore(long capacity) {
        this.capacity = capacity;
    }

    /** A stored snapshot, as the admin API lists it. */
    public record StoredSnapshot(UUID id, String name, String clusterId, String description, String projectId,
                                 Instant createdAt, String createdBy) {
    }

    /** Why a create failed. */
    public enum Refusal {
        /** The project has a snapshot of that name (without regard to case). */
        DUPLICATE_NAME,
        /** The store holds {@link #capacity()} snapshots already. */
        FULL
    }

    /** A create that was refused. */
    public static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Refusal refusal;

        RefusedException(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        /** Why. */
        public Refusal refusal() {
            return refusal;
        }
    }

    /** One snapshot; the project and the lower-case name are the keys it is stored under. */
    private static final class Entry {
        final long idHigh;
        final long idLow;
        final long createdAtMillis;
        final String clusterId;
        final String createdBy;
        /** the name, only when it differs from the lower-case key */
        final byte[] name;
        /** UTF-8, null when empty */
        final byte[] description;

        Entry(UUID id, long createdAtMillis, String clusterId, String createdBy, byte[] name, byte[] description) {
            this.idHigh = id.getMostSignificantBits();
            this.idLow = id.getLeastSignificantBits();
            this.createdAtMillis = createdAtMillis;
            this.clusterId = clusterId;
            this.createdBy = createdBy;
            this.name = name;
            this.description = description;
        }
    }

    /** Whether the project has a snapshot of this name, compared without regard to case. */
    public boolean nameTaken(String projectId, String name) {
        Map<String, Entry> names = projects.get(projectId);
        return names != null && names.containsKey(key(name));
    }

    /**
     * Stores a new snapshot and returns its id.
     *
     * @param clusterId the cluster id instance to keep (share one instance per cluster)
     * @throws RefusedException when the name is taken in the project or the store is full
     */
    public UUID create(String projectId, String name, String clusterId, String description, String createdBy,
                       Instant createdAt) {
        if (count.incrementAndGet() > capacity) {
            count.decrementAndGet();
            throw new RefusedException(Refusal.FULL);
        }
        String key = key(name);
        UUID id = randomUuid();
        Entry entry = new Entry(id, createdAt.toEpochMilli(), clusterId, creators.computeIfAbsent(createdBy, c -> c),
                key.equals(name) ? null : name.getBytes(StandardCharsets.UTF_8),
                description == null || description.isEmpty() ? null : description.getBytes(StandardCharsets.UTF_8));
        if (projects.computeIfAbsent(projectId, p -> new ConcurrentHashMap<>()).putIfAbsent(key, entry) != null) {
            count.decrementAndGet();
            throw new RefusedException(Refusal.DUPLICATE_NAME);
        }
        return id;
    }

    /** How many snapshots are stored. */
    public long size() {
        return count.get();
    }

    /** How many snapshots it stores at most. */
    public long capacity() {
        return capacity;
    }

    /** The snapshots of one project (or of all, when {@code projectId} is null), oldest first. */
    public List<StoredSnapshot> list(String projectId) {
        List<StoredSnapshot> list = new ArrayList<>();
        projects.forEach((project, names) -> {
            if (projectId == null || projectId.equals(project)) {
                names.forEach((key, e) -> list.add(new StoredSnapshot(new UUID(e.idHigh, e.idLow),
                        e.name == null ? key : new String(e.name, StandardCharsets.UTF_8), e.clusterId,
                        e.description == null ? "" : new String(e.description, StandardCharsets.UTF_8),
                        project, Instant.ofEpochMilli(e.createdAtMillis), e.createdBy)));
            }
        });
        list.sort(Comparator.comparing(StoredSnapshot::createdAt).thenComparing(StoredSnapshot::id));
        return list;
    }

    /** Forgets every snapshot. */
    public void clear() {
        projects.clear();
        count.set(0);
    }

    /**
     * A version 4 (random) UUID from a per-thread generator: ids must be unique, not
     * unpredictable, and UUID.randomUUID()'s shared SecureRandom serialised creates on one lock.
     */
    static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;                        // version 4
        long low = random.nextLong() & ~0xC000_0000_0000_0000L | 0x8000_0000_0000_0000L; // RFC 4122 variant
        return new UUID(high, low);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
