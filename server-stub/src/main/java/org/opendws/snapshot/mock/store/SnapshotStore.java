package org.opendws.snapshot.mock.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The snapshots of every project: unique by name in a project without regard to case, found by
 * id, listed oldest first, paged per cluster in either order by start or by name.
 *
 * <p>Layout, chosen for millions of snapshots in little heap: a snapshot is one small
 * {@link Entry} of primitive fields (id as two longs, times as epoch milliseconds, size, and
 * state and type packed in one byte) referring to its name, its description and the shared
 * strings of its cluster and creator. Ids and names are found through two open-addressing tables
 * of entry references (no per-snapshot map nodes, boxed keys or lower-cased copies of names),
 * and each cluster keeps its snapshots in two {@link SortedIndex}es, by start and by name, so
 * that a page is read in place rather than sorted, whatever the cluster's size. A snapshot's
 * state is not stored as it changes: it is {@code CREATING} until its {@code finished} instant
 * and its final state from then on, computed from the instant a caller passes (the mock clock's
 * now), so no thread has to move snapshots along.
 *
 * <p>One lock guards everything; it makes a create atomic (of concurrent creates of one name,
 * exactly one wins) and a delete's checks and removal one step. Readers copy the few entries
 * they need under it and build their views outside: entries never change. Thread-safe.
 */
public final class SnapshotStore {
    /** The tables are kept at most half full, in arrays of at most 2^30. */
    public static final long MAX_CAPACITY = 1L << 29;

    private static final int FIRST_SLOTS = 1024;
    private static final Status[] STATUSES = Status.values();
    private static final int STATUS_BITS = 0x7;
    private static final int CREATING_UNTIL_FINISHED = 0x8;
    private static final int AUTO = 0x10;

    /** Start (to the second, as shown), then id. */
    static final Comparator<Entry> BY_STARTED = (a, b) -> {
        int c = Long.compare(Math.floorDiv(a.started, 1000), Math.floorDiv(b.started, 1000));
        return c != 0 ? c : compareIds(a, b);
    };
    /** Name without regard to case, then id. */
    static final Comparator<Entry> BY_NAME = (a, b) -> {
        int c = a.name.compareToIgnoreCase(b.name);
        return c != 0 ? c : compareIds(a, b);
    };

    private final long capacity;
    private volatile long count;
    private final IdTable ids = new IdTable();
    private final NameTable names = new NameTable();
    /** project id to cluster id (lower case) to its shelf */
    private final Map<String, Map<String, Shelf>> shelves = new HashMap<>();
    /** creators, each kept once */
    private final Map<String, String> creators = new HashMap<>();

    /** A store of at most {@code capacity} snapshots. */
    public SnapshotStore(long capacity) {
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    "dws.mock.max-snapshots must be between 0 and " + MAX_CAPACITY + ", got " + capacity);
        }
        this.capacity = capacity;
    }

    /** A snapshot's state, as the document's {@code SnapshotStatus} names them. */
    public enum Status {
        CREATING,
        AVAILABLE,
        UNAVAILABLE,
        RESTORING,
        FROZEN,
        POLICE_FROZEN
    }

    /** A snapshot's type. */
    public enum Type {
        MANUAL,
        AUTO
    }

    /** What a cluster's snapshots are sorted by. */
    public enum SortKey {
        STARTED,
        NAME
    }

    /**
     * A snapshot to store.
     *
     * @param projectId   its project
     * @param clusterId   its cluster
     * @param clusterName the cluster's name
     * @param name        its name
     * @param description its description, or null for none
     * @param createdBy   who made it (the AK, the token's id, {@code admin})
     * @param type        manual or automated
     * @param started     when taking it started
     * @param finished    when it was, or will be, finished
     * @param status      its state once finished (a snapshot still {@code creating} is CREATING until then)
     * @param creating    whether it is {@code CREATING} until {@code finished}
     * @param size        its size in GB once finished
     */
    public record NewSnapshot(
            String projectId,
            String clusterId,
            String clusterName,
            String name,
            String description,
            String createdBy,
            Type type,
            Instant started,
            Instant finished,
            Status status,
            boolean creating,
            double size) {
        /** Checks that nothing required is missing and that a snapshot being created ends in a final state. */
        public NewSnapshot {
            Objects.requireNonNull(projectId, "projectId");
            Objects.requireNonNull(clusterId, "clusterId");
            Objects.requireNonNull(clusterName, "clusterName");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(createdBy, "createdBy");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(started, "started");
            Objects.requireNonNull(finished, "finished");
            Objects.requireNonNull(status, "status");
            if (status == Status.CREATING) {
                throw new IllegalArgumentException("status is the state once finished: CREATING is 'creating'");
            }
        }
    }

    /**
     * A stored snapshot as it is at a given instant.
     *
     * @param id          its id
     * @param projectId   its project
     * @param clusterId   its cluster (lower case)
     * @param clusterName the cluster's name
     * @param name        its name as given
     * @param description its description, empty when none
     * @param createdBy   who made it
     * @param type        manual or automated
     * @param status      its state at that instant
     * @param started     when taking it started
     * @param finished    when it was finished, null while {@code CREATING}
     * @param size        its size in GB, 0 while {@code CREATING}
     */
    public record StoredSnapshot(
            UUID id,
            String projectId,
            String clusterId,
            String clusterName,
            String name,
            String description,
            String createdBy,
            Type type,
            Status status,
            Instant started,
            Instant finished,
            double size) {
        /** When it was made: {@link #started()}. */
        public Instant createdAt() {
            return started;
        }
    }

    /**
     * A page of a cluster's snapshots.
     *
     * @param snapshots the page
     * @param count     how many the cluster has
     */
    public record Page(List<StoredSnapshot> snapshots, int count) {}

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

    /** What a delete did. */
    public enum Deletion {
        /** The snapshot is gone. */
        DELETED,
        /** The project has no snapshot of that id. */
        NOT_FOUND,
        /** The snapshot is automated: only manual ones are deleted. */
        AUTOMATED,
        /** The snapshot is still being created. */
        CREATING
    }

    /** Whether the project has a snapshot of this name, compared without regard to case. */
    public synchronized boolean nameTaken(String projectId, String name) {
        return names.find(projectId, name) != null;
    }

    /**
     * Stores a new snapshot and returns its id.
     *
     * @throws RefusedException when the store is full or the name is taken in the project
     */
    public UUID create(NewSnapshot snapshot) {
        UUID id = randomUuid();
        String description = snapshot.description() == null ? "" : snapshot.description();
        int flags = snapshot.status().ordinal()
                | (snapshot.creating() ? CREATING_UNTIL_FINISHED : 0)
                | (snapshot.type() == Type.AUTO ? AUTO : 0);
        synchronized (this) {
            if (count >= capacity) {
                throw new RefusedException(Refusal.FULL);
            }
            if (names.find(snapshot.projectId(), snapshot.name()) != null) {
                throw new RefusedException(Refusal.DUPLICATE_NAME);
            }
            Shelf shelf = shelves.computeIfAbsent(snapshot.projectId(), p -> new HashMap<>())
                    .computeIfAbsent(
                            snapshot.clusterId().toLowerCase(Locale.ROOT),
                            c -> new Shelf(snapshot.projectId(), c, snapshot.clusterName()));
            // the cluster's name as it is now (the admin API may have renamed it): its snapshots all show it
            shelf.clusterName = snapshot.clusterName();
            // a cluster's snapshots mostly share their description: one instance is kept for a run of them
            if (description.equals(shelf.lastDescription)) {
                description = shelf.lastDescription;
            } else {
                shelf.lastDescription = description;
            }
            Entry entry = new Entry(
                    id.getMostSignificantBits(),
                    id.getLeastSignificantBits(),
                    snapshot.started().toEpochMilli(),
                    snapshot.finished().toEpochMilli(),
                    snapshot.size(),
                    snapshot.name(),
                    description,
                    creators.computeIfAbsent(snapshot.createdBy(), c -> c),
                    shelf,
                    (byte) flags);
            // the tables grow before anything is added: a failure to grow leaves no half-stored snapshot
            ids.makeRoom();
            names.makeRoom();
            ids.add(entry);
            names.add(entry);
            shelf.byStarted.add(entry);
            shelf.byName.add(entry);
            count++;
        }
        return id;
    }

    /**
     * Stores a manual snapshot that is {@code AVAILABLE} from {@code createdAt} on, of size 0, its
     * cluster named by default (a shortcut for benchmarks and tests of the store).
     */
    public UUID create(
            String projectId, String name, String clusterId, String description, String createdBy, Instant createdAt) {
        return create(new NewSnapshot(
                projectId,
                clusterId,
                "dws-" + clusterId.substring(0, Math.min(8, clusterId.length())),
                name,
                description,
                createdBy,
                Type.MANUAL,
                createdAt,
                createdAt,
                Status.AVAILABLE,
                false,
                0));
    }

    /** The project's snapshot of this id as it is at {@code now}, or null. */
    public StoredSnapshot find(String projectId, UUID id, Instant now) {
        Entry entry;
        synchronized (this) {
            entry = ids.find(id.getMostSignificantBits(), id.getLeastSignificantBits());
        }
        return entry == null || !entry.shelf.projectId.equals(projectId) ? null : entry.view(now.toEpochMilli());
    }

    /**
     * Deletes the project's snapshot of this id if it is manual and, at {@code now}, no longer
     * being created.
     */
    public synchronized Deletion delete(String projectId, UUID id, Instant now) {
        Entry entry = ids.find(id.getMostSignificantBits(), id.getLeastSignificantBits());
        if (entry == null || !entry.shelf.projectId.equals(projectId)) {
            return Deletion.NOT_FOUND;
        }
        if ((entry.flags & AUTO) != 0) {
            return Deletion.AUTOMATED;
        }
        if (entry.status(now.toEpochMilli()) == Status.CREATING) {
            return Deletion.CREATING;
        }
        ids.remove(entry);
        names.remove(entry);
        entry.shelf.byStarted.remove(entry);
        entry.shelf.byName.remove(entry);
        count--;
        return Deletion.DELETED;
    }

    /** Whether the project has snapshots of this cluster. */
    public synchronized boolean hasSnapshotsOf(String projectId, String clusterId) {
        Shelf shelf = shelf(projectId, clusterId);
        return shelf != null && shelf.byStarted.size() > 0;
    }

    /**
     * A page of a cluster's snapshots as they are at {@code now}: sorted by {@code key} (ties by
     * id), {@code ascending} or not, the {@code offset}-th page of {@code limit} (all when
     * {@code limit} is null, and then an empty page for any offset above 0).
     */
    public Page page(
            String projectId,
            String clusterId,
            SortKey key,
            boolean ascending,
            int offset,
            Integer limit,
            Instant now) {
        List<Entry> entries = new ArrayList<>(limit == null ? 16 : Math.min(limit, 1024));
        int total;
        synchronized (this) {
            Shelf shelf = shelf(projectId, clusterId);
            total = shelf == null ? 0 : shelf.byStarted.size();
            if (shelf != null) {
                SortedIndex index = key == SortKey.NAME ? shelf.byName : shelf.byStarted;
                long from = limit == null ? (offset == 0 ? 0 : total) : (long) offset * limit;
                index.page(from, limit == null ? total : limit, ascending, entries);
            }
        }
        return new Page(views(entries, now), total);
    }

    /** The snapshots of one project (or of all, when {@code projectId} is null) at {@code now}, oldest first. */
    public List<StoredSnapshot> list(String projectId, Instant now) {
        List<Entry> entries = new ArrayList<>();
        synchronized (this) {
            for (Map.Entry<String, Map<String, Shelf>> project : shelves.entrySet()) {
                if (projectId == null || project.getKey().equals(projectId)) {
                    project.getValue().values().forEach(shelf -> shelf.byStarted.all(entries));
                }
            }
        }
        entries.sort(BY_STARTED); // runs of one cluster each, already in order: merged
        return views(entries, now);
    }

    /** How many snapshots are stored. */
    public long size() {
        return count;
    }

    /** How many snapshots it stores at most. */
    public long capacity() {
        return capacity;
    }

    /** Forgets every snapshot. */
    public synchronized void clear() {
        ids.clear();
        names.clear();
        shelves.clear();
        creators.clear();
        count = 0;
    }

    /** What a page of a cluster's snapshots has read so far, in both orders (tests of a page's cost). */
    synchronized long reads(String projectId, String clusterId) {
        Shelf shelf = shelf(projectId, clusterId);
        return shelf == null ? 0 : shelf.byStarted.reads() + shelf.byName.reads();
    }

    private Shelf shelf(String projectId, String clusterId) {
        Map<String, Shelf> clusters = shelves.get(projectId);
        return clusters == null ? null : clusters.get(clusterId.toLowerCase(Locale.ROOT));
    }

    private static List<StoredSnapshot> views(List<Entry> entries, Instant now) {
        long millis = now.toEpochMilli();
        List<StoredSnapshot> views = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            views.add(entry.view(millis));
        }
        return views;
    }

    /**
     * A version 4 (random) UUID from a per-thread generator: ids must be unique, not
     * unpredictable, and UUID.randomUUID()'s shared SecureRandom serialised creates on one lock.
     */
    static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & ~0xC000_0000_0000_0000L | 0x8000_0000_0000_0000L; // RFC 4122 variant
        return new UUID(high, low);
    }

    /** Ids in the order of their text (lowercase hex): unsigned, high then low. */
    private static int compareIds(Entry a, Entry b) {
        int c = Long.compareUnsigned(a.idHigh, b.idHigh);
        return c != 0 ? c : Long.compareUnsigned(a.idLow, b.idLow);
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }

    /** One stored snapshot; never changes once made. */
    static final class Entry {
        final long idHigh;
        final long idLow;
        final long started;
        final long finished;
        final double size;
        final String name;
        final String description;
        final String createdBy;
        final Shelf shelf;
        /** the final state's ordinal, whether CREATING until finished, whether automated */
        final byte flags;

        Entry(
                long idHigh,
                long idLow,
                long started,
                long finished,
                double size,
                String name,
                String description,
                String createdBy,
                Shelf shelf,
                byte flags) {
            this.idHigh = idHigh;
            this.idLow = idLow;
            this.started = started;
            this.finished = finished;
            this.size = size;
            this.name = name;
            this.description = description;
            this.createdBy = createdBy;
            this.shelf = shelf;
            this.flags = flags;
        }

        Status status(long now) {
            return (flags & CREATING_UNTIL_FINISHED) != 0 && now < finished
                    ? Status.CREATING
                    : STATUSES[flags & STATUS_BITS];
        }

        StoredSnapshot view(long now) {
            Status status = status(now);
            boolean creating = status == Status.CREATING;
            return new StoredSnapshot(
                    new UUID(idHigh, idLow),
                    shelf.projectId,
                    shelf.clusterId,
                    shelf.clusterName,
                    name,
                    description,
                    createdBy,
                    (flags & AUTO) != 0 ? Type.AUTO : Type.MANUAL,
                    status,
                    Instant.ofEpochMilli(started),
                    creating ? null : Instant.ofEpochMilli(finished),
                    creating ? 0 : size);
        }
    }

    /** One cluster's snapshots of one project, in both orders. */
    static final class Shelf {
        final String projectId;
        final String clusterId;
        volatile String clusterName;
        final SortedIndex byStarted = new SortedIndex(BY_STARTED);
        final SortedIndex byName = new SortedIndex(BY_NAME);
        String lastDescription = "";

        Shelf(String projectId, String clusterId, String clusterName) {
            this.projectId = projectId;
            this.clusterId = clusterId;
            this.clusterName = clusterName;
        }
    }

    /**
     * Entries in an open-addressing table with linear probing, at most half full; removal shifts
     * back the entries after the removed one (no tombstones).
     */
    private abstract static class Table {
        Entry[] slots = new Entry[FIRST_SLOTS];
        int size;

        abstract int hash(Entry entry);

        void makeRoom() {
            if ((size + 1) * 2L > slots.length) {
                Entry[] old = slots;
                slots = new Entry[old.length * 2];
                for (Entry entry : old) {
                    if (entry != null) {
                        place(entry);
                    }
                }
            }
        }

        void add(Entry entry) {
            makeRoom();
            place(entry);
            size++;
        }

        private void place(Entry entry) {
            int mask = slots.length - 1;
            int slot = hash(entry) & mask;
            while (slots[slot] != null) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = entry;
        }

        void remove(Entry entry) {
            int mask = slots.length - 1;
            int slot = hash(entry) & mask;
            while (slots[slot] != entry) {
                if (slots[slot] == null) {
                    return;
                }
                slot = (slot + 1) & mask;
            }
            int hole = slot;
            for (int next = (hole + 1) & mask; slots[next] != null; next = (next + 1) & mask) {
                int home = hash(slots[next]) & mask;
                // the entry at next may fill the hole unless its home lies after the hole, up to next
                boolean homeBetween = hole <= next ? hole < home && home <= next : hole < home || home <= next;
                if (!homeBetween) {
                    slots[hole] = slots[next];
                    hole = next;
                }
            }
            slots[hole] = null;
            size--;
        }

        void clear() {
            slots = new Entry[FIRST_SLOTS];
            size = 0;
        }
    }

    /** Entries by id. */
    private static final class IdTable extends Table {
        @Override
        int hash(Entry entry) {
            return hash(entry.idHigh, entry.idLow);
        }

        static int hash(long high, long low) {
            long h = high ^ low;
            return mix((int) (h ^ (h >>> 32)));
        }

        Entry find(long high, long low) {
            int mask = slots.length - 1;
            for (int slot = hash(high, low) & mask; slots[slot] != null; slot = (slot + 1) & mask) {
                Entry entry = slots[slot];
                if (entry.idHigh == high && entry.idLow == low) {
                    return entry;
                }
            }
            return null;
        }
    }

    /** Entries by project and name without regard to case (the case folding of {@link String#equalsIgnoreCase}). */
    private static final class NameTable extends Table {
        @Override
        int hash(Entry entry) {
            return hash(entry.shelf.projectId, entry.name);
        }

        static int hash(String projectId, String name) {
            int h = projectId.hashCode();
            for (int i = 0; i < name.length(); i++) {
                h = 31 * h + Character.toLowerCase(Character.toUpperCase(name.charAt(i)));
            }
            return mix(h);
        }

        Entry find(String projectId, String name) {
            int mask = slots.length - 1;
            for (int slot = hash(projectId, name) & mask; slots[slot] != null; slot = (slot + 1) & mask) {
                Entry entry = slots[slot];
                if (entry.name.equalsIgnoreCase(name) && entry.shelf.projectId.equals(projectId)) {
                    return entry;
                }
            }
            return null;
        }
    }
}
