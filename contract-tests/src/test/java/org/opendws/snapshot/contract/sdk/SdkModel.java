package org.opendws.snapshot.contract.sdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.huaweicloud.sdk.core.SdkResponse;
import com.huaweicloud.sdk.core.SdkStreamRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The requests and responses of the snapshot operations, shaped as the official SDK's generated
 * models of {@code com.huaweicloud.sdk.dws.v2.model} (whose module is not on Maven Central): the
 * request holds the path and query parameters and the body, the response extends
 * {@link SdkResponse} and holds the JSON fields and the {@code X-Request-Id} header. Public fields
 * instead of the generated getters and setters: the metadata reads and writes them the same way.
 * Public classes: the core instantiates a response reflectively when it has no JSON body.
 */
public final class SdkModel {
    private SdkModel() {}

    /** {@code {"snapshot": {...}}} of a create. */
    public static final class CreateSnapshotRequestBody {
        @JsonProperty("snapshot")
        Snapshot snapshot;
    }

    /** The snapshot to create; an absent description is left out, as the generated model does. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Snapshot {
        @JsonProperty("name")
        String name;

        @JsonProperty("cluster_id")
        String clusterId;

        @JsonProperty("description")
        String description;

        Snapshot(String name, String clusterId, String description) {
            this.name = name;
            this.clusterId = clusterId;
            this.description = description;
        }
    }

    public static final class CreateSnapshotRequest {
        CreateSnapshotRequestBody body;

        static CreateSnapshotRequest of(String name, String clusterId, String description) {
            CreateSnapshotRequest request = new CreateSnapshotRequest();
            request.body = new CreateSnapshotRequestBody();
            request.body.snapshot = new Snapshot(name, clusterId, description);
            return request;
        }
    }

    /**
     * The same create with its JSON body as a stream, the core's {@link SdkStreamRequest} path:
     * the core sends such a body without a length, chunked.
     *
     * <p>The stream rewinds when closed: the core's own interceptor ({@code DefaultHttpListener},
     * always installed) reads a text body to show it to the HTTP listeners and closes it, before
     * the body is sent. A plain stream would then be sent empty, and fail its signature (the
     * signer hashed the whole body); see {@code OfficialSdkTest#aStreamedBodyIsReadTwiceByTheCore}.
     */
    public static final class StreamedCreateSnapshotRequest extends SdkStreamRequest {
        StreamedCreateSnapshotRequest(String json, boolean rewinding) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            setUploadStream(
                    rewinding
                            ? new ByteArrayInputStream(bytes) {
                                @Override
                                public void close() {
                                    reset();
                                }
                            }
                            : new ByteArrayInputStream(bytes));
        }
    }

    public static final class CreateSnapshotResponse extends SdkResponse {
        @JsonProperty("snapshot")
        SnapshotResp snapshot;

        String xRequestId;
    }

    public static final class SnapshotResp {
        @JsonProperty("id")
        String id;
    }

    public static final class ListSnapshotsRequest {}

    public static final class ListSnapshotsResponse extends SdkResponse {
        @JsonProperty("snapshots")
        List<SnapshotDetail> snapshots;

        @JsonProperty("count")
        Integer count;

        String xRequestId;
    }

    public static final class ListClusterSnapshotsRequest {
        String clusterId;
        Integer limit;
        Integer offset;
        String sortKey;
        String sortDir;

        ListClusterSnapshotsRequest(String clusterId) {
            this.clusterId = clusterId;
        }
    }

    public static final class ListClusterSnapshotsResponse extends SdkResponse {
        @JsonProperty("snapshots")
        List<SnapshotDetail> snapshots;

        @JsonProperty("project_id")
        String projectId;

        @JsonProperty("cluster_id")
        String clusterId;

        @JsonProperty("count")
        Integer count;

        String xRequestId;
    }

    public static final class ListSnapshotDetailsRequest {
        String snapshotId;

        ListSnapshotDetailsRequest(String snapshotId) {
            this.snapshotId = snapshotId;
        }
    }

    public static final class ListSnapshotDetailsResponse extends SdkResponse {
        @JsonProperty("snapshot")
        SnapshotDetail snapshot;

        String xRequestId;
    }

    public static final class DeleteSnapshotRequest {
        String snapshotId;

        DeleteSnapshotRequest(String snapshotId) {
            this.snapshotId = snapshotId;
        }
    }

    /** 202 without a body; the SDK 3.1.202+ model's optional fields are left out. */
    public static final class DeleteSnapshotResponse extends SdkResponse {
        String xRequestId;
    }

    /** A snapshot as the list and detail operations show it (the SDK's {@code SnapshotDetail}, its core fields). */
    public static final class SnapshotDetail {
        @JsonProperty("id")
        String id;

        @JsonProperty("name")
        String name;

        @JsonProperty("description")
        String description;

        @JsonProperty("started")
        String started;

        @JsonProperty("finished")
        String finished;

        @JsonProperty("size")
        Double size;

        @JsonProperty("status")
        String status;

        @JsonProperty("type")
        String type;

        @JsonProperty("cluster_id")
        String clusterId;

        @JsonProperty("cluster_name")
        String clusterName;
    }
}
