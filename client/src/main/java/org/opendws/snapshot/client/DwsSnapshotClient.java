package org.opendws.snapshot.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.client.error.BadRequestException;
import org.opendws.snapshot.client.error.DwsConnectTimeoutException;
import org.opendws.snapshot.client.error.DwsConnectionException;
import org.opendws.snapshot.client.error.DwsException;
import org.opendws.snapshot.client.error.DwsReadTimeoutException;
import org.opendws.snapshot.client.error.DwsValidationException;
import org.opendws.snapshot.client.error.SnapshotWaitException;
import org.opendws.snapshot.client.generated.api.SnapshotsApi;
import org.opendws.snapshot.client.generated.model.ApiResponse;
import org.opendws.snapshot.client.generated.model.CreateSnapshotRequestBody;
import org.opendws.snapshot.client.generated.model.CreateSnapshotResponse;
import org.opendws.snapshot.client.internal.CreateRecovery;
import org.opendws.snapshot.client.internal.Models;
import org.opendws.snapshot.client.internal.RequestValidator;
import org.opendws.snapshot.client.internal.Retrier;
import org.opendws.snapshot.client.internal.SnapshotWaiter;
import org.opendws.snapshot.client.internal.Transport;
import org.opendws.snapshot.client.retry.RetryPolicy;
import org.opendws.snapshot.client.retry.Sleeper;

/**
 * The client of the GaussDB(DWS) snapshot API: create, list, show and delete snapshots, wait until
 * one is taken ({@link #waitUntilAvailable(String)}), page through a cluster's snapshots
 * ({@link #listClusterSnapshotsPaginator}).
 *
 * <pre>{@code
 * try (DwsSnapshotClient client = DwsSnapshotClient.builder()
 *         .region("cn-north-4")
 *         .credentials(Credentials.akSk(System.getenv("CLOUD_SDK_AK"), System.getenv("CLOUD_SDK_SK")))
 *         .projectId("89cd04f168b84af6be287f71730fdb4b")
 *         .build()) {
 *     CreatedSnapshot created = client.createSnapshot("snapshot-3", "44b277eb-39be-4921-be31-3d61b43651d7");
 *     Snapshot taken = client.waitUntilAvailable(created.id());
 * }
 * }</pre>
 *
 * <p>Each call is validated against the rules of the API document before anything is sent
 * ({@link DwsValidationException}), signed (AK/SK) or given the IAM token, sent over HTTP/1.1
 * (or HTTPS), retried as the {@link RetryPolicy} says, and either returns the result or
 * throws a subtype of {@link DwsException}.
 *
 * <p>A built client is immutable, thread-safe and meant to be shared and reused; close it when
 * done, after which calls fail with {@link IllegalStateException}.
 */
public final class DwsSnapshotClient implements AutoCloseable {
    private final URI endpoint;
    private final String projectId;
    private final Credentials credentials;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final RetryPolicy retryPolicy;
    private final RequestValidator validator;
    private final Transport transport;
    private final SnapshotsApi api;
    private final Retrier retrier;
    private final boolean recoverCreateRetries;
    private final SnapshotWaiter waiter;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DwsSnapshotClient(Builder builder, URI endpoint, Credentials credentials, String projectId) {
        this.endpoint = endpoint;
        this.projectId = projectId;
        this.credentials = credentials;
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.validator = builder.validation ? new RequestValidator() : null;
        this.recoverCreateRetries = builder.recoverCreateRetries;
        this.transport =
                new Transport(endpoint, credentials, projectId, connectTimeout, readTimeout, builder.requestLogging);
        this.api = transport.api();
        this.retrier = new Retrier(retryPolicy, builder.sleeper, transport::failure);
        // the monotonic clock: a wait's deadline must not move when the wall clock is set
        this.waiter = new SnapshotWaiter(
                this::listSnapshotDetails,
                builder.sleeper,
                System::nanoTime,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @return a builder; only credentials and project id are needed when the environment has none */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates a manual snapshot of a cluster; the snapshot is then taken asynchronously (wait for it
     * with {@link #waitUntilAvailable(String)}).
     *
     * <p>When the call was retried, the exception thrown carries each earlier attempt's failure as
     * a suppressed exception ({@link Throwable#getSuppressed()}), in the order they happened.
     *
     * <p><b>Safe retries</b> (on unless {@link Builder#recoverCreateRetries(boolean)} switches them
     * off): when an attempt failed in a way that may have created the snapshot (the connection
     * broke after the request was sent, a read timeout, a 5xx) and a retry is then refused with
     * 400 {@code DWS.0001} (the name is taken), the client looks the name up among the cluster's
     * snapshots, newest first, back to 15 minutes before the first attempt. A snapshot of that
     * name started since then is taken to be the first attempt's and returned with
     * {@link CreatedSnapshot#recovered()} true; otherwise the 400 is thrown as it came (with a
     * failed lookup as a suppressed exception). A create whose first attempt is refused is never
     * recovered.
     *
     * @param name        the snapshot name: 4 to 64 letters, digits, {@code -} or {@code _}, starting with
     *                    a letter, unique in the project regardless of case
     * @param clusterId   the cluster's id (a UUID)
     * @param description at most 256 characters, none of {@code !<>'=&"}; null for none
     * @return the new snapshot's id and the call's request id
     * @throws DwsValidationException if a value breaks the API's rules (nothing is sent)
     * @throws org.opendws.snapshot.client.error.DwsServiceException if the service answers with an error
     * @throws DwsConnectionException if no connection could be made, or it broke
     * @throws DwsConnectTimeoutException if no connection was made within the connect timeout
     * @throws DwsReadTimeoutException if the response did not come within the read timeout
     * @throws IllegalStateException if the client is closed
     */
    public CreatedSnapshot createSnapshot(String name, String clusterId, String description) {
        ensureOpen();
        CreateSnapshotRequestBody body = new CreateSnapshotRequestBody()
                .snapshot(new org.opendws.snapshot.client.generated.model.Snapshot()
                        .name(name)
                        .clusterId(clusterId)
                        .description(description));
        if (validator != null) {
            validator.validateCreateSnapshot(projectId, body);
        }
        Instant firstAttempt = Instant.now();
        ApiResponse<CreateSnapshotResponse> response;
        try {
            response = retrier.call("createSnapshot", () -> api.createSnapshotWithHttpInfo(projectId, body));
        } catch (BadRequestException refused) {
            if (!recoverCreateRetries) {
                throw refused;
            }
            return CreateRecovery.recoverOrThrow(
                    refused,
                    name,
                    clusterId,
                    firstAttempt,
                    request -> new ClusterSnapshotsPaginator(request, this::fetchPage).pages());
        }
        return Models.created(response);
    }

    /**
     * Creates a manual snapshot of a cluster, without a description.
     *
     * @param name      the snapshot name (see {@link #createSnapshot(String, String, String)})
     * @param clusterId the cluster's id (a UUID)
     * @return the new snapshot's id and the call's request id
     * @see #createSnapshot(String, String, String)
     */
    public CreatedSnapshot createSnapshot(String name, String clusterId) {
        return createSnapshot(name, clusterId, null);
    }

    /**
     * Lists every snapshot of the project, of every cluster, manual and automated, in any state,
     * oldest first. The service does not page this list; see {@link #listClusterSnapshots}.
     *
     * @return the snapshots, their number and the call's request id
     * @throws DwsValidationException if the project id breaks the API's rules (nothing is sent)
     * @throws org.opendws.snapshot.client.error.DwsServiceException if the service answers with an error
     * @throws DwsException for a connection failure or timeout, as {@link #createSnapshot(String, String, String)}
     * @throws IllegalStateException if the client is closed
     */
    public SnapshotList listSnapshots() {
        ensureOpen();
        if (validator != null) {
            validator.validateParameters("listSnapshots", projectId);
        }
        return Models.snapshotList(retrier.call("listSnapshots", () -> api.listSnapshotsWithHttpInfo(projectId)));
    }

    /**
     * Lists one page of a cluster's snapshots. {@code offset} is a page index: with
     * {@code limit=10}, {@code offset=1} is snapshots 11 to 20. To go through all pages, use
     * {@link #listClusterSnapshotsPaginator}.
     *
     * @param request the cluster, and optionally the page size, page index and order
     * @return the page, with the cluster's total count and the call's request id
     * @throws DwsValidationException if the cluster id is null or not a UUID, the limit below 1 or the
     *                                offset below 0 (nothing is sent); each named as in the document
     *                                ({@code cluster_id}, {@code limit}, {@code offset})
     * @throws org.opendws.snapshot.client.error.NotFoundException 404 {@code DWS.0047} if the cluster does not exist
     * @throws org.opendws.snapshot.client.error.DwsServiceException if the service answers with another error
     * @throws DwsException for a connection failure or timeout, as {@link #createSnapshot(String, String, String)}
     * @throws IllegalStateException if the client is closed
     */
    public SnapshotPage listClusterSnapshots(ListClusterSnapshotsRequest request) {
        ensureOpen();
        validate(request);
        return fetchPage(request);
    }

    /**
     * Goes through a cluster's snapshots a page at a time, fetching each page only when iteration
     * reaches it; see {@link ClusterSnapshotsPaginator}. The request is checked here (nothing is
     * fetched yet); a page without a limit is given {@value ClusterSnapshotsPaginator#DEFAULT_PAGE_SIZE}.
     *
     * <pre>{@code
     * client.listClusterSnapshotsPaginator(ListClusterSnapshotsRequest.of(clusterId)).stream()
     *         .filter(s -> s.type() == SnapshotType.MANUAL)
     *         .forEach(s -> System.out.println(s.name()));
     * }</pre>
     *
     * @param request the cluster, and optionally the page size, first page index and order
     * @return the paginator
     * @throws DwsValidationException if the request breaks the API's rules, as {@link #listClusterSnapshots}
     * @throws IllegalStateException if the client is closed
     */
    public ClusterSnapshotsPaginator listClusterSnapshotsPaginator(ListClusterSnapshotsRequest request) {
        ensureOpen();
        validate(request);
        return new ClusterSnapshotsPaginator(request, this::fetchPage);
    }

    /**
     * Shows a snapshot, with its state. Poll it to follow a snapshot, or let
     * {@link #waitUntilAvailable(String)} do so.
     *
     * @param snapshotId the snapshot's id (a UUID)
     * @return the snapshot
     * @throws DwsValidationException if the id is null or not a UUID ({@code snapshot_id}; nothing is sent)
     * @throws BadRequestException 400 {@code DWS.5149} if no such snapshot exists in the project (or it was deleted)
     * @throws org.opendws.snapshot.client.error.DwsServiceException if the service answers with another error
     * @throws DwsException for a connection failure or timeout, as {@link #createSnapshot(String, String, String)}
     * @throws IllegalStateException if the client is closed
     */
    public Snapshot listSnapshotDetails(String snapshotId) {
        ensureOpen();
        if (validator != null) {
            validator.validateParameters("listSnapshotDetails", projectId, snapshotId);
        }
        return Models.snapshot(
                retrier.call("listSnapshotDetails", () -> api.listSnapshotDetailsWithHttpInfo(projectId, snapshotId)));
    }

    /**
     * Deletes a manual snapshot; the service answers 202 with no body, and the snapshot is gone.
     *
     * @param snapshotId the snapshot's id (a UUID)
     * @throws DwsValidationException if the id is null or not a UUID ({@code snapshot_id}; nothing is sent)
     * @throws BadRequestException 400 {@code DWS.0001} if the snapshot does not exist (or was deleted
     *                             already: treat it as gone), is automated, or is still {@code CREATING}
     * @throws org.opendws.snapshot.client.error.DwsServiceException if the service answers with another error
     * @throws DwsException for a connection failure or timeout, as {@link #createSnapshot(String, String, String)}
     * @throws IllegalStateException if the client is closed
     */
    public void deleteSnapshot(String snapshotId) {
        ensureOpen();
        if (validator != null) {
            validator.validateParameters("deleteSnapshot", projectId, snapshotId);
        }
        retrier.call("deleteSnapshot", () -> api.deleteSnapshotWithHttpInfo(projectId, snapshotId));
    }

    /**
     * Waits until a snapshot is {@code AVAILABLE}, with {@link WaitOptions#defaults()}: at most 30
     * minutes, polling after 2 s, then backing off up to every 30 s.
     *
     * @param snapshotId the snapshot's id (a UUID)
     * @return the snapshot, {@code AVAILABLE}
     * @see #waitUntilAvailable(String, WaitOptions)
     */
    public Snapshot waitUntilAvailable(String snapshotId) {
        return waitUntilAvailable(snapshotId, WaitOptions.defaults());
    }

    /**
     * Waits until a snapshot is {@code AVAILABLE}, polling {@link #listSnapshotDetails(String)}: it
     * returns the snapshot once it is {@code AVAILABLE}, throws once it is {@code UNAVAILABLE}, and
     * polls again on any other state. The waits between polls start at the options' initial
     * interval and double up to their max interval, each shortened by a random share of up to half
     * (jitter); none reaches past the timeout, at which the last poll is made. The waits go through
     * the builder's {@link Sleeper}.
     *
     * @param snapshotId the snapshot's id (a UUID)
     * @param options    the timeout and the polling intervals
     * @return the snapshot, {@code AVAILABLE}
     * @throws SnapshotWaitException reason {@code UNAVAILABLE} if taking the snapshot failed, or
     *                               {@code TIMEOUT} if it is not {@code AVAILABLE} by the timeout;
     *                               both with the last status seen
     * @throws DwsValidationException if the id is not a UUID (nothing is sent)
     * @throws DwsException if a poll fails (after its retries), e.g. 400 {@code DWS.5149} for a
     *                      snapshot that does not exist; or if the thread is interrupted while waiting
     *                      (its interrupt flag is then set again)
     * @throws IllegalStateException if the client is closed
     */
    public Snapshot waitUntilAvailable(String snapshotId, WaitOptions options) {
        Objects.requireNonNull(options, "options");
        ensureOpen();
        return waiter.waitUntilAvailable(snapshotId, options);
    }

    /** @return the endpoint calls go to, e.g. {@code https://dws.cn-north-4.myhuaweicloud.com} */
    public URI endpoint() {
        return endpoint;
    }

    /** @return the project id of every call */
    public String projectId() {
        return projectId;
    }

    /** Releases the client's threads and connections; calls made afterwards fail. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        transport.close();
        if (validator != null) {
            validator.close();
        }
    }

    @Override
    public String toString() {
        return "DwsSnapshotClient[endpoint=" + endpoint + ", projectId=" + projectId + ", credentials=" + credentials
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", " + retryPolicy + "]";
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the DwsSnapshotClient is closed");
        }
    }

    private void validate(ListClusterSnapshotsRequest request) {
        Objects.requireNonNull(request, "request");
        if (validator != null) {
            validator.validateParameters(
                    "listClusterSnapshots",
                    projectId,
                    request.clusterId(),
                    request.limit(),
                    request.offset(),
                    Models.sortKey(request.sortKey()),
                    Models.sortDir(request.sortDir()));
        }
    }

    /** One page, the request already validated (the paginator's pages are validated with its first). */
    private SnapshotPage fetchPage(ListClusterSnapshotsRequest request) {
        ensureOpen();
        return Models.snapshotPage(
                request,
                retrier.call(
                        "listClusterSnapshots",
                        () -> api.listClusterSnapshotsWithHttpInfo(
                                projectId,
                                request.clusterId(),
                                request.limit(),
                                request.offset(),
                                Models.sortKey(request.sortKey()),
                                Models.sortDir(request.sortDir()))));
    }

    /**
     * Builds a {@link DwsSnapshotClient}. The endpoint comes from {@link #region} or
     * {@link #endpoint}; credentials and project id from the builder, or else from the environment
     * ({@code HUAWEICLOUD_SDK_AK}, {@code HUAWEICLOUD_SDK_SK}, {@code HUAWEICLOUD_SDK_SECURITY_TOKEN},
     * {@code HUAWEICLOUD_SDK_PROJECT_ID}, then {@code CLOUD_SDK_AK}, {@code CLOUD_SDK_SK}). Not
     * thread-safe; reusable.
     */
    public static final class Builder {
        private String region;
        private URI endpoint;
        private Credentials credentials;
        private String projectId;
        private Duration connectTimeout = Duration.ofSeconds(60);
        private Duration readTimeout = Duration.ofSeconds(120);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.THREAD_SLEEP;
        private boolean requestLogging;
        private boolean validation = true;
        private Function<String, String> environment = System::getenv;
        private boolean recoverCreateRetries = true;

        private Builder() {}

        /**
         * Calls the public endpoint of a region, {@code https://dws.{region}.myhuaweicloud.com}.
         *
         * @param region e.g. {@code cn-north-4}
         * @return this builder
         */
        public Builder region(String region) {
            Objects.requireNonNull(region, "region");
            if (!region.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalArgumentException("not a region name: \"" + region + "\" (e.g. cn-north-4)");
            }
            this.region = region;
            return this;
        }

        /**
         * Calls another endpoint, e.g. the mock server at {@code http://localhost:8080}.
         *
         * @param endpoint an http or https URL
         * @return this builder
         */
        public Builder endpoint(String endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            return endpoint(URI.create(endpoint));
        }

        /**
         * Calls another endpoint, e.g. the mock server at {@code http://localhost:8080}.
         *
         * @param endpoint an http or https URL
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            String scheme =
                    endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL with a host: " + endpoint);
            }
            String text = endpoint.toString();
            this.endpoint = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            return this;
        }

        /**
         * @param credentials AK/SK or IAM token; when not given, read from the environment
         * @return this builder
         */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * @param projectId the project of every call; when not given, {@code HUAWEICLOUD_SDK_PROJECT_ID}
         * @return this builder
         */
        public Builder projectId(String projectId) {
            this.projectId = Objects.requireNonNull(projectId, "projectId");
            return this;
        }

        /**
         * @param connectTimeout the longest wait for a connection (default 60 s)
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * @param readTimeout the longest wait for the complete response once the request is on its way (default 120 s)
         * @return this builder
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = positive(readTimeout, "readTimeout");
            return this;
        }

        /**
         * @param retryPolicy when to try a failed call again (default {@link RetryPolicy#defaults()})
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * @param sleeper how to wait between attempts and between the waiter's polls (default: sleep
         *                the calling thread); for tests
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * @param requestLogging whether to log each request and response, headers and bodies, with
         *                       credentials left out, to SLF4J logger {@code org.opendws.snapshot.client.http}
         *                       at INFO (default false)
         * @return this builder
         */
        public Builder requestLogging(boolean requestLogging) {
            this.requestLogging = requestLogging;
            return this;
        }

        /**
         * @param validation whether to check requests against the API's rules before sending them (default true)
         * @return this builder
         */
        public Builder validation(boolean validation) {
            this.validation = validation;
            return this;
        }

        /**
         * @param recover whether a create whose retry is refused because the name is taken, after
         *                an attempt that may have created the snapshot, looks for that snapshot and
         *                returns it as {@linkplain CreatedSnapshot#recovered() recovered} (default
         *                true); see {@link DwsSnapshotClient#createSnapshot(String, String, String)}
         * @return this builder
         */
        public Builder recoverCreateRetries(boolean recover) {
            this.recoverCreateRetries = recover;
            return this;
        }

        /**
         * @param environment where environment variables are read from (default {@link System#getenv(String)})
         * @return this builder
         */
        public Builder environment(Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * @return the client
         * @throws IllegalStateException if the endpoint, the credentials or the project id is missing,
         *                               or both a region and an endpoint were given
         */
        public DwsSnapshotClient build() {
            if (region != null && endpoint != null) {
                throw new IllegalStateException("give a region or an endpoint, not both");
            }
            if (region == null && endpoint == null) {
                throw new IllegalStateException(
                        "no endpoint: call region(\"cn-north-4\") or endpoint(\"http://localhost:8080\")");
            }
            URI target = endpoint != null ? endpoint : URI.create("https://dws." + region + ".myhuaweicloud.com");
            Credentials resolved = credentials != null ? credentials : Credentials.fromEnvironment(environment);
            // an environment variable's surrounding blanks are dropped; a given project id is used
            // (and validated) exactly as given, never silently changed into a valid one
            String project = projectId != null ? projectId : trimmed(environment.apply(Credentials.ENV_PROJECT_ID));
            if (project == null || project.isBlank()) {
                throw new IllegalStateException(
                        "no project id: call projectId(...) or set " + Credentials.ENV_PROJECT_ID);
            }
            return new DwsSnapshotClient(this, target, resolved, project);
        }

        private static String trimmed(String value) {
            return value == null ? null : value.trim();
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.toMillis() < 1 || duration.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        name + " must be between 1 ms and " + Integer.MAX_VALUE + " ms, was " + duration);
            }
            return duration;
        }
    }
}
