package org.opendws.snapshot.client;

/**
 * What {@link DwsSnapshotClient#listClusterSnapshots} asks for. Every field but the cluster id may
 * be null, and is then not sent (the service's defaults apply). The values are checked against the
 * API's rules by the call, not here: a call with a limit below 1 or a negative offset throws
 * {@link org.opendws.snapshot.client.error.DwsValidationException} and sends nothing.
 *
 * @param clusterId the cluster's id (a UUID)
 * @param limit     the page size, at least 1; null for all snapshots in one page
 * @param offset    the page index, from 0 ({@code offset=2} with {@code limit=10} is snapshots 21 to 30), not a row offset; null for 0
 * @param sortKey   what to sort by; null for the service's default, {@link SortKey#STARTED}
 * @param sortDir   the order; null for the service's default, {@link SortDir#DESC}
 */
public record ListClusterSnapshotsRequest(
        String clusterId, Integer limit, Integer offset, SortKey sortKey, SortDir sortDir) {

    /**
     * @param clusterId the cluster's id
     * @return a request for all of the cluster's snapshots, in the service's default order
     */
    public static ListClusterSnapshotsRequest of(String clusterId) {
        return new ListClusterSnapshotsRequest(clusterId, null, null, null, null);
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this request's values */
    public Builder toBuilder() {
        return new Builder()
                .clusterId(clusterId)
                .limit(limit)
                .offset(offset)
                .sortKey(sortKey)
                .sortDir(sortDir);
    }

    /** Builds a {@link ListClusterSnapshotsRequest}. Not thread-safe. */
    public static final class Builder {
        private String clusterId;
        private Integer limit;
        private Integer offset;
        private SortKey sortKey;
        private SortDir sortDir;

        private Builder() {}

        /**
         * @param clusterId the cluster's id (a UUID)
         * @return this builder
         */
        public Builder clusterId(String clusterId) {
            this.clusterId = clusterId;
            return this;
        }

        /**
         * @param limit the page size, at least 1; null for no limit
         * @return this builder
         */
        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        /**
         * @param offset the page index, from 0; null for the first page
         * @return this builder
         */
        public Builder offset(Integer offset) {
            this.offset = offset;
            return this;
        }

        /**
         * @param sortKey what to sort by; null for the service's default
         * @return this builder
         */
        public Builder sortKey(SortKey sortKey) {
            this.sortKey = sortKey;
            return this;
        }

        /**
         * @param sortDir the order; null for the service's default
         * @return this builder
         */
        public Builder sortDir(SortDir sortDir) {
            this.sortDir = sortDir;
            return this;
        }

        /** @return the request */
        public ListClusterSnapshotsRequest build() {
            return new ListClusterSnapshotsRequest(clusterId, limit, offset, sortKey, sortDir);
        }
    }
}
