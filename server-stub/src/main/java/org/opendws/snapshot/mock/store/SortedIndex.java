package org.opendws.snapshot.mock.store;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One cluster's snapshots in one order (started, or name), to answer a page without sorting or
 * scanning: the entries sit in leaves of at most {@value #LEAF}, in order, and {@code starts}
 * says how many come before each leaf. The entry of rank r is found by a binary search over
 * {@code starts}, and a page is read from there leaf by leaf: its cost depends on the page's size
 * and the logarithm of the cluster's, not on the cluster's size itself. An insert or removal
 * shifts at most one leaf and counts up or down the starts after it.
 *
 * <p>Not thread-safe: {@link SnapshotStore} guards it.
 */
final class SortedIndex {
    static final int LEAF = 512;

    private final Comparator<SnapshotStore.Entry> order;
    private SnapshotStore.Entry[][] leaves = new SnapshotStore.Entry[4][];
    private int[] sizes = new int[4];
    /** starts[i]: how many entries the leaves before leaf i hold */
    private int[] starts = new int[4];

    private int leafCount;
    private int size;
    /** entries and leaf bounds read by {@link #page} so far (for tests of what a page costs) */
    private long reads;

    SortedIndex(Comparator<SnapshotStore.Entry> order) {
        this.order = order;
    }

    int size() {
        return size;
    }

    long reads() {
        return reads;
    }

    void add(SnapshotStore.Entry entry) {
        if (leafCount == 0) {
            insertLeaf(0);
            leaves[0][0] = entry;
            sizes[0] = 1;
            starts[0] = 0;
            size = 1;
            return;
        }
        int leaf = leafOf(entry);
        int at = insertionPoint(leaves[leaf], sizes[leaf], entry);
        if (sizes[leaf] == LEAF) {
            if (at == LEAF && leaf == leafCount - 1) {
                // after the last entry (snapshots arrive in the order they start): a new leaf, the full one stays full
                insertLeaf(leaf + 1);
                leaves[leaf + 1][0] = entry;
                sizes[leaf + 1] = 1;
                starts[leaf + 1] = starts[leaf] + LEAF;
                size++;
                return;
            }
            split(leaf);
            if (at > LEAF / 2) {
                leaf++;
                at -= LEAF / 2;
            }
        }
        SnapshotStore.Entry[] entries = leaves[leaf];
        System.arraycopy(entries, at, entries, at + 1, sizes[leaf] - at);
        entries[at] = entry;
        sizes[leaf]++;
        for (int i = leaf + 1; i < leafCount; i++) {
            starts[i]++;
        }
        size++;
    }

    /** Removes the entry; false if it is not here. */
    boolean remove(SnapshotStore.Entry entry) {
        if (size == 0) {
            return false;
        }
        int leaf = leafOf(entry);
        SnapshotStore.Entry[] entries = leaves[leaf];
        int at = Arrays.binarySearch(entries, 0, sizes[leaf], entry, order);
        if (at < 0 || entries[at] != entry) {
            return false;
        }
        System.arraycopy(entries, at + 1, entries, at, sizes[leaf] - at - 1);
        entries[--sizes[leaf]] = null;
        for (int i = leaf + 1; i < leafCount; i++) {
            starts[i]--;
        }
        size--;
        if (sizes[leaf] == 0) {
            removeLeaf(leaf);
        } else if (leaf + 1 < leafCount && sizes[leaf] + sizes[leaf + 1] <= LEAF / 2) {
            merge(leaf);
        } else if (leaf > 0 && sizes[leaf - 1] + sizes[leaf] <= LEAF / 2) {
            merge(leaf - 1);
        }
        return true;
    }

    /**
     * Adds to {@code out} up to {@code count} entries from rank {@code from} on (rank 0 the
     * first in this order, or the last when not {@code ascending}).
     */
    void page(long from, int count, boolean ascending, List<SnapshotStore.Entry> out) {
        if (from >= size || count <= 0) {
            return;
        }
        int rank = (int) (ascending ? from : size - 1 - from);
        int leaf = leafAt(rank);
        int at = rank - starts[leaf];
        for (int taken = 0; taken < count; taken++) {
            out.add(leaves[leaf][at]);
            reads++;
            if (ascending) {
                if (++at == sizes[leaf]) {
                    if (++leaf == leafCount) {
                        return;
                    }
                    at = 0;
                }
            } else if (--at < 0) {
                if (--leaf < 0) {
                    return;
                }
                at = sizes[leaf] - 1;
            }
        }
    }

    /** Every entry, in this order. */
    void all(List<SnapshotStore.Entry> out) {
        for (int leaf = 0; leaf < leafCount; leaf++) {
            out.addAll(Arrays.asList(leaves[leaf]).subList(0, sizes[leaf]));
        }
    }

    /** The leaf holding the entry of this rank: the last leaf that starts at or before it. */
    private int leafAt(int rank) {
        int low = 0;
        int high = leafCount - 1;
        while (low < high) {
            reads++;
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= rank) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /** The leaf an entry belongs in: the first whose last entry is not before it, else the last. */
    private int leafOf(SnapshotStore.Entry entry) {
        int low = 0;
        int high = leafCount - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (order.compare(leaves[mid][sizes[mid] - 1], entry) >= 0) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** Where in a leaf's first {@code n} entries the entry goes: after every entry before it. */
    private int insertionPoint(SnapshotStore.Entry[] entries, int n, SnapshotStore.Entry entry) {
        int at = Arrays.binarySearch(entries, 0, n, entry, order);
        return at >= 0 ? at : -at - 1;
    }

    private void split(int leaf) {
        insertLeaf(leaf + 1);
        System.arraycopy(leaves[leaf], LEAF / 2, leaves[leaf + 1], 0, LEAF / 2);
        Arrays.fill(leaves[leaf], LEAF / 2, LEAF, null);
        sizes[leaf] = LEAF / 2;
        sizes[leaf + 1] = LEAF / 2;
        starts[leaf + 1] = starts[leaf] + LEAF / 2;
    }

    /** Moves leaf {@code leaf + 1}'s entries to the end of {@code leaf}'s, and drops it. */
    private void merge(int leaf) {
        System.arraycopy(leaves[leaf + 1], 0, leaves[leaf], sizes[leaf], sizes[leaf + 1]);
        sizes[leaf] += sizes[leaf + 1];
        removeLeaf(leaf + 1);
    }

    /** An empty leaf at position {@code at}; the caller sets its size and start. */
    private void insertLeaf(int at) {
        if (leafCount == leaves.length) {
            leaves = Arrays.copyOf(leaves, leafCount * 2);
            sizes = Arrays.copyOf(sizes, leafCount * 2);
            starts = Arrays.copyOf(starts, leafCount * 2);
        }
        System.arraycopy(leaves, at, leaves, at + 1, leafCount - at);
        System.arraycopy(sizes, at, sizes, at + 1, leafCount - at);
        System.arraycopy(starts, at, starts, at + 1, leafCount - at);
        leaves[at] = new SnapshotStore.Entry[LEAF];
        sizes[at] = 0;
        leafCount++;
    }

    private void removeLeaf(int at) {
        System.arraycopy(leaves, at + 1, leaves, at, leafCount - at - 1);
        System.arraycopy(sizes, at + 1, sizes, at, leafCount - at - 1);
        System.arraycopy(starts, at + 1, starts, at, leafCount - at - 1);
        leafCount--;
        leaves[leafCount] = null;
    }
}
