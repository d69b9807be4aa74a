package org.opendws.snapshot.mock;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A snapshot to put into the mock as it is, in any state, manual or automated (a test's "given
 * a snapshot that is ..."): through {@link DwsMockServer#addSnapshot(SnapshotSeed)}, the admin
 * API ({@code POST /__admin/snapshots}) or a world file's {@code snapshots:}.
 *
 * <pre>{@code
 * String id = mock.addSnapshot(SnapshotSeed.builder().name("nightly-7").type("AUTO").status("AVAILABLE").build());
 * }</pre>
 *
 * <p>Immutable. What is left unset is chosen when the snapshot is added: the default world's
 * project and cluster, {@code MANUAL}, {@code AVAILABLE}, started an hour before the mock clock's
 * now, finished the creation time ({@code dws.mock.snapshot.creation-time}) after it, the size
 * the cluster's data size ({@code 0} when {@code UNAVAILABLE}). A seeded {@code CREATING}
 * snapshot becomes {@code AVAILABLE} at {@code finished} (by default started + the creation
 * time) as the mock clock goes.
 *
 * @param projectId   the project (32 lowercase hex characters), or null for the default world's
 * @param clusterId   the cluster (a UUID; it need not exist in the world), or null for the default world's
 * @param name        the name, unique in the project without regard to case (required)
 * @param description the description, or null for none
 * @param type        {@code MANUAL} or {@code AUTO}, or null for {@code MANUAL}
 * @param status      one of {@link #STATUSES}, or null for {@code AVAILABLE}
 * @param started     when taking it started, or null
 * @param finished    when it was (or, if {@code CREATING}, will be) finished, or null
 * @param size        its size in GB, or null
 * @param createdBy   what the admin API shows as its creator, or null for {@code admin}
 */
public record SnapshotSeed(
        String projectId,
        String clusterId,
        String name,
        String description,
        String type,
        String status,
        Instant started,
        Instant finished,
        Double size,
        String createdBy) {
    /** The types a snapshot can have. */
    public static final List<String> TYPES = List.of("MANUAL", "AUTO");
    /** The states a seeded snapshot can be in (those of the document's {@code SnapshotStatus}). */
    public static final List<String> STATUSES =
            List.of("CREATING", "AVAILABLE", "UNAVAILABLE", "RESTORING", "FROZEN", "POLICE_FROZEN");

    /**
     * Checks the values (type, status, size, the order of started and finished; the ids are
     * checked against the document's rules when the seed is added).
     *
     * @throws IllegalArgumentException naming the value that is wrong
     */
    public SnapshotSeed {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: is required");
        }
        if (type != null) {
            type = type.toUpperCase(Locale.ROOT).equals("AUTOMATED") ? "AUTO" : type.toUpperCase(Locale.ROOT);
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException(
                        "type: must be one of " + String.join(", ", TYPES) + " (rejected value: " + type + ")");
            }
        }
        if (status != null) {
            status = status.toUpperCase(Locale.ROOT);
            if (!STATUSES.contains(status)) {
                throw new IllegalArgumentException(
                        "status: must be one of " + String.join(", ", STATUSES) + " (rejected value: " + status + ")");
            }
        }
        if (size != null && (size.isNaN() || size.isInfinite() || size < 0)) {
            throw new IllegalArgumentException(
                    "size: must be a number of GB, at least 0 (rejected value: " + size + ")");
        }
        if (started != null && finished != null && finished.isBefore(started)) {
            throw new IllegalArgumentException(
                    "finished: must not be before started (" + finished + " < " + started + ")");
        }
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this seed's values. */
    public Builder toBuilder() {
        return new Builder()
                .projectId(projectId)
                .clusterId(clusterId)
                .name(name)
                .description(description)
                .type(type)
                .status(status)
                .started(started)
                .finished(finished)
                .size(size)
                .createdBy(createdBy);
    }

    /** Builds a {@link SnapshotSeed}. */
    public static final class Builder {
        private String projectId;
        private String clusterId;
        private String name;
        private String description;
        private String type;
        private String status;
        private Instant started;
        private Instant finished;
        private Double size;
        private String createdBy;

        private Builder() {}

        /** The project (default: the default world's). */
        public Builder projectId(String projectId) {
            this.projectId = projectId;
            return this;
        }

        /** The cluster (default: the default world's). */
        public Builder clusterId(String clusterId) {
            this.clusterId = clusterId;
            return this;
        }

        /** The name (required). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The description (default: none). */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** {@code MANUAL} (the default) or {@code AUTO}. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** The state (default {@code AVAILABLE}). */
        public Builder status(String status) {
            this.status = status;
            return this;
        }

        /** When taking it started (default: an hour before the mock clock's now). */
        public Builder started(Instant started) {
            this.started = started;
            return this;
        }

        /** When it was (or will be) finished (default: started + the creation time). */
        public Builder finished(Instant finished) {
            this.finished = finished;
            return this;
        }

        /** Its size in GB (default: the cluster's data size; 0 when UNAVAILABLE). */
        public Builder size(Double size) {
            this.size = size;
            return this;
        }

        /** Its creator as the admin API shows it (default {@code admin}). */
        public Builder createdBy(String createdBy) {
            this.createdBy = createdBy;
            return this;
        }

        /**
         * The seed.
         *
         * @throws IllegalArgumentException when a value is wrong
         */
        public SnapshotSeed build() {
            return new SnapshotSeed(
                    projectId, clusterId, name, description, type, status, started, finished, size, createdBy);
        }
    }
}
