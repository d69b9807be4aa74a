package org.opendws.snapshot.contract.sdk;

import com.huaweicloud.sdk.core.http.Field;
import com.huaweicloud.sdk.core.http.FieldExistence;
import com.huaweicloud.sdk.core.http.FieldImpl;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import com.huaweicloud.sdk.core.http.LocationType;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.opendws.snapshot.contract.sdk.SdkModel.CreateSnapshotRequest;
import org.opendws.snapshot.contract.sdk.SdkModel.CreateSnapshotRequestBody;
import org.opendws.snapshot.contract.sdk.SdkModel.CreateSnapshotResponse;
import org.opendws.snapshot.contract.sdk.SdkModel.DeleteSnapshotRequest;
import org.opendws.snapshot.contract.sdk.SdkModel.DeleteSnapshotResponse;
import org.opendws.snapshot.contract.sdk.SdkModel.ListClusterSnapshotsRequest;
import org.opendws.snapshot.contract.sdk.SdkModel.ListClusterSnapshotsResponse;
import org.opendws.snapshot.contract.sdk.SdkModel.ListSnapshotDetailsRequest;
import org.opendws.snapshot.contract.sdk.SdkModel.ListSnapshotDetailsResponse;
import org.opendws.snapshot.contract.sdk.SdkModel.ListSnapshotsRequest;
import org.opendws.snapshot.contract.sdk.SdkModel.ListSnapshotsResponse;
import org.opendws.snapshot.contract.sdk.SdkModel.StreamedCreateSnapshotRequest;

/**
 * The operations of the document, each an {@link HttpRequestDef} of the official SDK's core, as
 * its generated {@code com.huaweicloud.sdk.dws.v2.DwsMeta} defines them (3.1.212): the same
 * method, URI template, name and {@code Content-Type} ({@code application/json;charset=UTF-8} for
 * the create, {@code application/json} for the others), path and query parameters, JSON body. The
 * {@code {project_id}} is not a field: the core's {@code BasicCredentials} fills it in. The JSON
 * answer is read into the whole response object, as for those operations in {@code DwsMeta}; each
 * response also maps the {@code X-Request-Id} header the document declares, as generated metadata
 * maps a documented response header.
 */
final class SdkSnapshotMeta {
    static final HttpRequestDef<CreateSnapshotRequest, CreateSnapshotResponse> CREATE_SNAPSHOT = HttpRequestDef.builder(
                    HttpMethod.POST, CreateSnapshotRequest.class, CreateSnapshotResponse.class)
            .withName("CreateSnapshot")
            .withUri("/v1.0/{project_id}/snapshots")
            .withContentType("application/json;charset=UTF-8")
            .<CreateSnapshotRequestBody>withRequestField(
                    "body",
                    LocationType.Body,
                    FieldExistence.NON_NULL_NON_EMPTY,
                    CreateSnapshotRequestBody.class,
                    f -> f.withMarshaller(r -> r.body, (r, v) -> r.body = v))
            .withResponseField(requestId(r -> r.xRequestId, (r, v) -> r.xRequestId = v))
            .build();

    /** The create with its body as a stream (no body field: the request supplies the stream itself). */
    static final HttpRequestDef<StreamedCreateSnapshotRequest, CreateSnapshotResponse> CREATE_SNAPSHOT_STREAMED =
            HttpRequestDef.builder(HttpMethod.POST, StreamedCreateSnapshotRequest.class, CreateSnapshotResponse.class)
                    .withName("CreateSnapshot")
                    .withUri("/v1.0/{project_id}/snapshots")
                    .withContentType("application/json;charset=UTF-8")
                    .withResponseField(requestId(r -> r.xRequestId, (r, v) -> r.xRequestId = v))
                    .build();

    static final HttpRequestDef<ListSnapshotsRequest, ListSnapshotsResponse> LIST_SNAPSHOTS = HttpRequestDef.builder(
                    HttpMethod.GET, ListSnapshotsRequest.class, ListSnapshotsResponse.class)
            .withName("ListSnapshots")
            .withUri("/v1.0/{project_id}/snapshots")
            .withContentType("application/json")
            .withResponseField(requestId(r -> r.xRequestId, (r, v) -> r.xRequestId = v))
            .build();

    static final HttpRequestDef<ListClusterSnapshotsRequest, ListClusterSnapshotsResponse> LIST_CLUSTER_SNAPSHOTS =
            HttpRequestDef.builder(
                            HttpMethod.GET, ListClusterSnapshotsRequest.class, ListClusterSnapshotsResponse.class)
                    .withName("ListClusterSnapshots")
                    .withUri("/v1.0/{project_id}/clusters/{cluster_id}/snapshots")
                    .withContentType("application/json")
                    .<String>withRequestField(
                            "cluster_id",
                            LocationType.Path,
                            FieldExistence.NON_NULL_NON_EMPTY,
                            String.class,
                            f -> f.withMarshaller(r -> r.clusterId, (r, v) -> r.clusterId = v))
                    .<Integer>withRequestField(
                            "limit",
                            LocationType.Query,
                            FieldExistence.NULL_IGNORE,
                            Integer.class,
                            f -> f.withMarshaller(r -> r.limit, (r, v) -> r.limit = v))
                    .<Integer>withRequestField(
                            "offset",
                            LocationType.Query,
                            FieldExistence.NULL_IGNORE,
                            Integer.class,
                            f -> f.withMarshaller(r -> r.offset, (r, v) -> r.offset = v))
                    .<String>withRequestField(
                            "sort_key",
                            LocationType.Query,
                            FieldExistence.NULL_IGNORE,
                            String.class,
                            f -> f.withMarshaller(r -> r.sortKey, (r, v) -> r.sortKey = v))
                    .<String>withRequestField(
                            "sort_dir",
                            LocationType.Query,
                            FieldExistence.NULL_IGNORE,
                            String.class,
                            f -> f.withMarshaller(r -> r.sortDir, (r, v) -> r.sortDir = v))
                    .withResponseField(requestId(r -> r.xRequestId, (r, v) -> r.xRequestId = v))
                    .build();

    static final HttpRequestDef<ListSnapshotDetailsRequest, ListSnapshotDetailsResponse> LIST_SNAPSHOT_DETAILS =
            HttpRequestDef.builder(HttpMethod.GET, ListSnapshotDetailsRequest.class, ListSnapshotDetailsResponse.class)
                    .withName("ListSnapshotDetails")
                    .withUri("/v1.0/{project_id}/snapshots/{snapshot_id}")
                    .withContentType("application/json")
                    .<String>withRequestField(
                            "snapshot_id",
                            LocationType.Path,
                            FieldExistence.NON_NULL_NON_EMPTY,
                            String.class,
                            f -> f.withMarshaller(r -> r.snapshotId, (r, v) -> r.snapshotId = v))
                    .withResponseField(requestId(r -> r.xRequestId, (r, v) -> r.xRequestId = v))
                    .build();

    static final HttpRequestDef<DeleteSnapshotRequest, DeleteSnapshotResponse> DELETE_SNAPSHOT = HttpRequestDef.builder(
                    HttpMethod.DELETE, DeleteSnapshotRequest.class, DeleteSnapshotResponse.class)
            .withName("DeleteSnapshot")
            .withUri("/v1.0/{project_id}/snapshots/{snapshot_id}")
            .withContentType("application/json")
            .<String>withRequestField(
                    "snapshot_id",
                    LocationType.Path,
                    FieldExistence.NON_NULL_NON_EMPTY,
                    String.class,
                    f -> f.withMarshaller(r -> r.snapshotId, (r, v) -> r.snapshotId = v))
            .withResponseField(requestId(r -> r.xRequestId, (r, v) -> r.xRequestId = v))
            .build();

    private SdkSnapshotMeta() {}

    /** The {@code X-Request-Id} response header, as a generated header field of a response. */
    private static <S> Field<S, String> requestId(Function<S, String> reader, BiConsumer<S, String> writer) {
        return new FieldImpl<S, String>("X-Request-Id", LocationType.Header, FieldExistence.NULL_IGNORE, String.class)
                .withMarshaller(reader, writer);
    }
}
