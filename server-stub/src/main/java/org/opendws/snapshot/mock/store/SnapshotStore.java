package org.opendws.snapshot.mock.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The snapshots created so far, per project, unique by name without regard to case.
 *
 * <p>Built to hold millions without slowing the garbage collector: a snapshot is not an object but
 * a record of bytes appended to large byte arrays (ids, time, the lower-case name, the name when
 * its case differs, the description), found through an open-addressing index of primitive arrays.
 * The collector sees a few large arrays without references instead of millions of small objects
 * in a hash table written at random places (which made young collections scan and copy more as
 * the store grew: p99 latency under load, bench/mock-vs-prism.sh). Project, cluster and creator
 * are stored as numbers of shared strings.
 *
 * <p>One lock guards everything: a create holds it for about a microsecond (longer, once per
 * doubling, while the index grows), and it makes {@link #create} atomic (of concurrent creates of
 * one name, exactly one wins). {@link #list} decodes outside the lock: records never change once
 * written. Thread-safe.
 */
public final class SnapshotStore {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** record layout: id (2 longs), created at (long), project, cluster, creator (ints), then 3 byte strings */
    private static final int FIXED = 3 * Long.BYTES + 3 * Integer.BYTES;
    private static final int FIRST_CHUNK = 4 * 1024;
    /**
     * Chunks grow to 16 MB, at least half of the largest region G1 chooses by itself (32 MB): G1
     * then allocates them outside the young generation and never copies them (1 MB chunks were copied at every young
     * collection until they aged out, most of each pause).
     */
    private static final int MAX_CHUNK = 16 * 1024 * 1024;
    private static final int FIRST_SLOTS = 1024;
    /** the index's slots are kept at most half full, in arrays of at most 2^30 */
    public static final long MAX_CAPACITY = 1L << 29;

    private final long capacity;
    private volatile long count;
    /** the records, appended; a record never spans two chunks */
    private final List<byte[]> chunks = new ArrayList<>();
    private int chunkUsed;
    /** the index: per slot the hash of (project, lower-case name), 0 when free, and where its record is */
    private int[] hashes = new int[FIRST_SLOTS];
    private long[] places = new long[FIRST_SLOTS];
    /** project ids, cluster ids and creators, each stored once and referred to by number */
    private final List<String> strings = new ArrayList<>();
    private final Map<String, Integer> stringNumbers = new HashMap<>();

    /** A store of at most {@code capacity} snapshots. */
    public SnapshotStore(long capacity) {
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("dws.mock.max-snapshots must be between 0 and " + MAX_CAPACITY
                    + ", got " + capacity);
        }
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

    /** Whether the project has a snapshot of this name, compared without regard to case. */
    public boolean nameTaken(String projectId, String name) {
        byte[] key = key(name);
        synchronized (this) {
            Integer project = stringNumbers.get(projectId);
            return project != null && findSlot(project, key, hash(project, key)) >= 0;
        }
    }

    /**
     * Stores a new snapshot and returns its id.
     *
     * @throws RefusedException when the store is full or the name is taken in the project
     */
    public UUID create(String projectId, String name, String clusterId, String description, String createdBy,
                       Instant createdAt) {
        byte[] key = key(name);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] ownName = Arrays.equals(key, nameBytes) ? null : nameBytes;
        byte[] descriptionBytes = description == null ? null : description.getBytes(StandardCharsets.UTF_8);
        UUID id = randomUuid();
        synchronized (this) {
            if (count >= capacity) {
                throw new RefusedException(Refusal.FULL);
            }
            int project = number(projectId);
            int hash = hash(project, key);
            int slot = findSlot(project, key, hash);
            if (slot >= 0) {
                throw new RefusedException(Refusal.DUPLICATE_NAME);
            }
            makeRoom(); // before the record is written: a failure here leaves no record behind
            long place = append(id, createdAt.toEpochMilli(), project, number(clusterId), number(createdBy), key,
                    ownName, descriptionBytes);
            insert(hash, place);
            count++;
        }
        return id;
    }

    /** How many snapshots are stored. */
    public long size() {
        return count;
    }

    /** How many snapshots it stores at most. */
    public long capacity() {
        return capacity;
    }

    /** The snapshots of one project (or of all, when {@code projectId} is null), oldest first. */
    public List<StoredSnapshot> list(String projectId) {
        List<byte[]> written;
        int lastUsed;
        List<String> names;
        Integer only;
        synchronized (this) {
            only = projectId == null ? null : stringNumbers.get(projectId);
            if (projectId != null && only == null) {
                return new ArrayList<>();
            }
            written = new ArrayList<>(chunks);
            lastUsed = chunkUsed;
            names = new ArrayList<>(strings);
        }
        List<StoredSnapshot> list = new ArrayList<>();
        for (int c = 0; c < written.size(); c++) {
            byte[] chunk = written.get(c);
            int end = c == written.size() - 1 ? lastUsed : chunk.length;
            // a full chunk's records end where the next would not have fitted: zeros follow
            for (int at = 0; at + FIXED + Integer.BYTES <= end && (int) INTS.get(chunk, at + FIXED) > 0;
                 at = next(chunk, at)) {
                int project = (int) INTS.get(chunk, at + 3 * Long.BYTES);
                if (only == null || only == project) {
                    list.add(read(chunk, at, names));
                }
            }
        }
        list.sort(Comparator.comparing(StoredSnapshot::createdAt).thenComparing(StoredSnapshot::id));
        return list;
    }

    /** Forgets every snapshot. */
    public synchronized void clear() {
        chunks.clear();
        chunkUsed = 0;
        hashes = new int[FIRST_SLOTS];
        places = new long[FIRST_SLOTS];
        strings.clear();
        stringNumbers.clear();
        count = 0;
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

    private static byte[] key(String name) {
        return name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    }

    private static int hash(int project, byte[] key) {
        int h = project * 0x9E3779B9 + Arrays.hashCode(key);
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h == 0 ? 1 : h; // 0 marks a free slot
    }

    private int number(String value) {
        Integer known = stringNumbers.get(value);
        if (known != null) {
            return known;
        }
        strings.add(value);
        stringNumbers.put(value, strings.size() - 1);
        return strings.size() - 1;
    }

    /** the slot of (project, key), or -1 */
    private int findSlot(int project, byte[] key, int hash) {
        int mask = hashes.length - 1;
        for (int slot = hash & mask; hashes[slot] != 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && sameKey(places[slot], project, key)) {
                return slot;
            }
        }
        return -1;
    }

    private boolean sameKey(long place, int project, byte[] key) {
        byte[] chunk = chunks.get((int) (place >>> 32));
        int at = (int) place;
        int keyLength = length(chunk, at + FIXED);
        int from = at + FIXED + Integer.BYTES;
        return (int) INTS.get(chunk, at + 3 * Long.BYTES) == project
                && Arrays.equals(chunk, from, from + keyLength, key, 0, key.length);
    }

    private void makeRoom() {
        if ((count + 1) * 2 > hashes.length) {
            grow();
        }
    }

    private void insert(int hash, long place) {
        int mask = hashes.length - 1;
        int slot = hash & mask;
        while (hashes[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        places[slot] = place;
    }

    private void grow() {
        int[] oldHashes = hashes;
        long[] oldPlaces = places;
        hashes = new int[oldHashes.length * 2];
        places = new long[oldHashes.length * 2];
        int mask = hashes.length - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != 0) {
                int slot = oldHashes[i] & mask;
                while (hashes[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                places[slot] = oldPlaces[i];
            }
        }
    }

    /** Appends a record and returns its place: chunk number (high int) and offset (low int). */
    private long append(UUID id, long createdAt, int project, int cluster, int creator, byte[] key, byte[] name,
                        byte[] description) {
        int length = FIXED + 3 * Integer.BYTES + key.length + (name == null ? 0 : name.length)
                + (description == null ? 0 : description.length);
        byte[] chunk = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
        if (chunk == null || chunk.length - chunkUsed < length) {
            int size = chunk == null ? FIRST_CHUNK : Math.min(MAX_CHUNK, chunk.length * 2);
            chunk = new byte[Math.max(size, length)];
            chunks.add(chunk);
            chunkUsed = 0;
        }
        int at = chunkUsed;
        LONGS.set(chunk, at, id.getMostSignificantBits());
        LONGS.set(chunk, at + Long.BYTES, id.getLeastSignificantBits());
        LONGS.set(chunk, at + 2 * Long.BYTES, createdAt);
        INTS.set(chunk, at + 3 * Long.BYTES, project);
        INTS.set(chunk, at + 3 * Long.BYTES + Integer.BYTES, cluster);
        INTS.set(chunk, at + 3 * Long.BYTES + 2 * Integer.BYTES, creator);
        int to = putBytes(chunk, at + FIXED, key);
        to = putBytes(chunk, to, name);
        chunkUsed = putBytes(chunk, to, description);
        return (long) (chunks.size() - 1) << 32 | at;
    }

    /**
     * Writes a byte string: its length + 2 (1 stands for null; 0, never written, reads as the end of
     * a chunk's records), then the bytes; returns where the next one goes.
     */
    private static int putBytes(byte[] chunk, int at, byte[] bytes) {
        if (bytes == null) {
            INTS.set(chunk, at, 1);
            return at + Integer.BYTES;
        }
        INTS.set(chunk, at, bytes.length + 2);
        System.arraycopy(bytes, 0, chunk, at + Integer.BYTES, bytes.length);
        return at + Integer.BYTES + bytes.length;
    }

    /** the length of the byte string at {@code at}, -1 for null */
    private static int length(byte[] chunk, int at) {
        return (int) INTS.get(chunk, at) - 2;
    }

    /** where the byte string after the one at {@code at} starts */
    private static int skip(byte[] chunk, int at) {
        return at + Integer.BYTES + Math.max(0, length(chunk, at));
    }

    /** the offset of the record after the one at {@code at} */
    private static int next(byte[] chunk, int at) {
        return skip(chunk, skip(chunk, skip(chunk, at + FIXED)));
    }

    private static StoredSnapshot read(byte[] chunk, int at, List<String> strings) {
        int keyAt = at + FIXED;
        int nameAt = skip(chunk, keyAt);
        int descriptionAt = skip(chunk, nameAt);
        String name = readString(chunk, nameAt);
        String description = readString(chunk, descriptionAt);
        return new StoredSnapshot(new UUID((long) LONGS.get(chunk, at), (long) LONGS.get(chunk, at + Long.BYTES)),
                name != null ? name : readString(chunk, keyAt),
                strings.get((int) INTS.get(chunk, at + 3 * Long.BYTES + Integer.BYTES)),
                description == null ? "" : description,
                strings.get((int) INTS.get(chunk, at + 3 * Long.BYTES)),
                Instant.ofEpochMilli((long) LONGS.get(chunk, at + 2 * Long.BYTES)),
                strings.get((int) INTS.get(chunk, at + 3 * Long.BYTES + 2 * Integer.BYTES)));
    }

    private static String readString(byte[] chunk, int at) {
        int length = length(chunk, at);
        return length < 0 ? null : new String(chunk, at + Integer.BYTES, length, StandardCharsets.UTF_8);
    }
}
