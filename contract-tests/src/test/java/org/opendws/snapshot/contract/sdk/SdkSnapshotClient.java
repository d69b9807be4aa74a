package org.opendws.snapshot.contract.sdk;

import com.huaweicloud.sdk.core.ClientBuilder;
import com.huaweicloud.sdk.core.HcClient;
import org.opendws.snapshot.contract.sdk.SdkModel.CreateSnapshotRequest;
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
 * A service client made as the official SDK's generated {@code DwsClient} is: built by the core's
 * {@link ClientBuilder} (credentials, endpoints, HTTP configuration) around an {@link HcClient},
 * each method one {@code syncInvokeHttp} of its {@link SdkSnapshotMeta} definition. Errors are
 * the core's own exceptions ({@code ClientRequestException}, {@code ServerResponseException}).
 */
public final class SdkSnapshotClient {
    private final HcClient hcClient;

    public SdkSnapshotClient(HcClient hcClient) {
        this.hcClient = hcClient;
    }

    public static ClientBuilder<SdkSnapshotClient> newBuilder() {
        return new ClientBuilder<>(SdkSnapshotClient::new);
    }

    public CreateSnapshotResponse createSnapshot(CreateSnapshotRequest request) {
        return hcClient.syncInvokeHttp(request, SdkSnapshotMeta.CREATE_SNAPSHOT);
    }

    public CreateSnapshotResponse createSnapshot(StreamedCreateSnapshotRequest request) {
        return hcClient.syncInvokeHttp(request, SdkSnapshotMeta.CREATE_SNAPSHOT_STREAMED);
    }

    public ListSnapshotsResponse listSnapshots(ListSnapshotsRequest request) {
        return hcClient.syncInvokeHttp(request, SdkSnapshotMeta.LIST_SNAPSHOTS);
    }

    public ListClusterSnapshotsResponse listClusterSnapshots(ListClusterSnapshotsRequest request) {
        return hcClient.syncInvokeHttp(request, SdkSnapshotMeta.LIST_CLUSTER_SNAPSHOTS);
    }

    public ListSnapshotDetailsResponse listSnapshotDetails(ListSnapshotDetailsRequest request) {
        return hcClient.syncInvokeHttp(request, SdkSnapshotMeta.LIST_SNAPSHOT_DETAILS);
    }

    public DeleteSnapshotResponse deleteSnapshot(DeleteSnapshotRequest request) {
        return hcClient.syncInvokeHttp(request, SdkSnapshotMeta.DELETE_SNAPSHOT);
    }
}
