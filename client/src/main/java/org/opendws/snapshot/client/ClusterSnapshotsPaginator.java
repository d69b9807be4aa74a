package org.opendws.snapshot.client;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A cluster's snapshots, fetched a page at a time as iteration reaches them
 * ({@link DwsSnapshotClient#listClusterSnapshotsPaginator}). Nothing is fetched until an iteration
 * asks for its first element; each page is fetched only when the previous one is used up. Each
 * iteration ({@link #iterator()}, {@link #stream()}, {@link #pages()}) starts again from the
 * request's page. A failing page fetch throws from the iterator's {@code hasNext()}.
 *
 * <p>Pages are requested with the request's limit, or {@value #DEFAULT_PAGE_SIZE} when it has
 * none, from the request's offset (a page index) on. A page is the last when it is empty or
 * {@code (offset + 1) * limit >= count}. Snapshots created or deleted while paging can shift the
 * pages: one may then be seen twice or missed, as with any offset paging.
 *
 * <p>Immutable and thread-safe; its iterators are not thread-safe.
 */
public final class ClusterSnapshotsPaginator implements Iterable<Snapshot> {
    /** The page size when the request has none. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private final ListClusterSnapshotsRequest first;
    private final Function<ListClusterSnapshotsRequest, SnapshotPage> fetch;

    ClusterSnapshotsPaginator(
            ListClusterSnapshotsRequest request, Function<ListClusterSnapshotsRequest, SnapshotPage> fetch) {
        ListClusterSnapshotsRequest.Builder first = request.toBuilder();
        if (request.limit() == null) {
            first.limit(DEFAULT_PAGE_SIZE);
        }
        if (request.offset() == null) {
            first.offset(0);
        }
        this.first = first.build();
        this.fetch = fetch;
    }

    /** @return the snapshots, page after page, fetched lazily */
    @Override
    public Iterator<Snapshot> iterator() {
        Iterator<SnapshotPage> pages = new Pages();
        return new Iterator<>() {
            private Iterator<Snapshot> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && pages.hasNext()) {
                    current = pages.next().snapshots().iterator();
                }
                return current.hasNext();
            }

            @Override
            public Snapshot next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** @return the snapshots as a sequential stream; pages are fetched as the stream consumes them */
    public Stream<Snapshot> stream() {
        // the supplier form: the iterator (which fetches nothing by itself) is made at the terminal operation
        return StreamSupport.stream(this::spliterator, Spliterator.ORDERED | Spliterator.NONNULL, false);
    }

    @Override
    public Spliterator<Snapshot> spliterator() {
        return Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
    }

    /** @return the pages themselves (with their count and request id), fetched lazily; an empty cluster gives one empty page */
    public Iterable<SnapshotPage> pages() {
        return Pages::new;
    }

    @Override
    public String toString() {
        return "ClusterSnapshotsPaginator[" + first + "]";
    }

    /** Fetches page {@code offset}, then the next, until one is the last. */
    private final class Pages implements Iterator<SnapshotPage> {
        private Integer nextOffset = first.offset(); // null once the last page was fetched
        private SnapshotPage fetched; // fetched and not yet returned

        @Override
        public boolean hasNext() {
            if (fetched == null && nextOffset != null) {
                fetched = fetch.apply(first.toBuilder().offset(nextOffset).build());
                nextOffset = fetched.isLast() ? null : nextOffset + 1;
            }
            return fetched != null;
        }

        @Override
        public SnapshotPage next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            SnapshotPage page = fetched;
            fetched = null;
            return page;
        }
    }
}
