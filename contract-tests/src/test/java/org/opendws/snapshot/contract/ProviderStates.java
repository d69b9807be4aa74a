package org.opendws.snapshot.contract;

/**
 * The provider states the interactions name, and the keys of their parameters. A state says what
 * the world must hold; its parameters (written into the pact) say which project, cluster, access
 * key or name, so that the provider sets it up from the pact alone.
 */
public final class ProviderStates {
    /** Params {@value #PROJECT_ID}, {@value #CLUSTER_ID}. */
    public static final String CLUSTER_EXISTS = "the cluster exists in the project";
    /** Params {@value #PROJECT_ID}, {@value #CLUSTER_ID}. */
    public static final String CLUSTER_ABSENT = "the cluster does not exist in the project";
    /** Params {@value #ACCESS_KEY}, {@value #PROJECT_ID}. */
    public static final String ACCESS_KEY_ALLOWED = "the access key may use the project";
    /** Params {@value #ACCESS_KEY}, {@value #PROJECT_ID}. */
    public static final String ACCESS_KEY_NOT_ALLOWED = "the access key may not use the project";
    /** Params {@value #PROJECT_ID}, {@value #NAME}, {@value #CLUSTER_ID}. */
    public static final String NAME_TAKEN = "a snapshot with the name exists in the project";
    /** No params: the request's signature was made with another secret key than the access key's. */
    public static final String SIGNED_WITH_ANOTHER_SECRET_KEY =
            "the request is signed with a secret key that is not the access key's";
    /**
     * Params {@value #PROJECT_ID}, {@value #CLUSTER_ID}, {@value #NAME}, {@value #STATUS},
     * {@value #TYPE}. The provider answers the new snapshot's id as {@value #SNAPSHOT_ID}, which
     * the request's path takes from it (Pact's provider-state injection): the mock makes the ids.
     */
    public static final String SNAPSHOT_EXISTS = "a snapshot exists in the project";
    /** Params {@value #PROJECT_ID}, {@value #SNAPSHOT_ID}: nothing is stored under that id. */
    public static final String SNAPSHOT_ABSENT = "the snapshot does not exist in the project";
    /**
     * Params {@value #PROJECT_ID}, {@value #CLUSTER_ID}, {@value #COUNT}: the cluster holds that
     * many AVAILABLE manual snapshots, named {@code snapshot-001}, {@code snapshot-002}, ...,
     * started a minute apart in that order.
     */
    public static final String CLUSTER_HAS_SNAPSHOTS = "the cluster has snapshots";
    /** No params. */
    public static final String FAILING = "the service fails with an internal error";
    /** No params. */
    public static final String UNAVAILABLE = "the service is temporarily unavailable";

    /** A project id. */
    public static final String PROJECT_ID = "project_id";
    /** A cluster id. */
    public static final String CLUSTER_ID = "cluster_id";
    /** An access key (AK). */
    public static final String ACCESS_KEY = "access_key";
    /** A snapshot name. */
    public static final String NAME = "name";
    /** A snapshot's id; also what {@value #SNAPSHOT_EXISTS} answers. */
    public static final String SNAPSHOT_ID = "snapshot_id";
    /** A snapshot's status: CREATING, AVAILABLE or UNAVAILABLE. */
    public static final String STATUS = "status";
    /** A snapshot's type: MANUAL or AUTO. */
    public static final String TYPE = "type";
    /** How many snapshots. */
    public static final String COUNT = "count";

    private ProviderStates() {}
}
