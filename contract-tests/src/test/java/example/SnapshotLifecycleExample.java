package example;

import java.time.Duration;
import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.client.CreatedSnapshot;
import org.opendws.snapshot.client.DwsSnapshotClient;
import org.opendws.snapshot.client.ListClusterSnapshotsRequest;
import org.opendws.snapshot.client.Snapshot;
import org.opendws.snapshot.client.SortDir;
import org.opendws.snapshot.client.SortKey;
import org.opendws.snapshot.client.WaitOptions;
import org.opendws.snapshot.client.error.DwsException;
import org.opendws.snapshot.client.error.DwsServiceException;
import org.opendws.snapshot.client.error.SnapshotWaitException;

public class SnapshotLifecycleExample {

    /** Creates a snapshot, waits until it is AVAILABLE, finds it in its cluster's list, deletes it. */
    public static Snapshot run(DwsSnapshotClient client, String clusterId, String name) {
        // 1. Create: the answer comes at once, and the snapshot is CREATING. A create retried after
        //    a broken connection returns the snapshot its first attempt made (recovered() is true).
        CreatedSnapshot created = client.createSnapshot(name, clusterId, "taken by SnapshotLifecycleExample");

        // 2. Wait: polls the snapshot's detail, every 2 s at first, backing off to every 30 s.
        //    AVAILABLE returns it; UNAVAILABLE, or no end within 30 minutes, throws SnapshotWaitException.
        Snapshot available = client.waitUntilAvailable(
                created.id(),
                WaitOptions.builder()
                        .timeout(Duration.ofMinutes(30))
                        .initialInterval(Duration.ofSeconds(2))
                        .maxInterval(Duration.ofSeconds(30))
                        .build());
        System.out.println(available.name() + " is " + available.status() + ": " + available.size() + " GB");

        // 3. Find it among the cluster's snapshots, newest first, 100 a page; a page is fetched
        //    only when the stream gets to it.
        Snapshot listed = client
                .listClusterSnapshotsPaginator(ListClusterSnapshotsRequest.builder()
                        .clusterId(clusterId)
                        .limit(100)
                        .sortKey(SortKey.STARTED)
                        .sortDir(SortDir.DESC)
                        .build())
                .stream()
                .filter(s -> s.id().equals(created.id()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is not in its cluster's list"));

        // 4. Delete it: a manual snapshot that is no longer CREATING. It is gone at once.
        client.deleteSnapshot(listed.id());
        return listed;
    }

    public static void main(String[] args) {
        // As in the API page's sample, the AK/SK come from CLOUD_SDK_AK and CLOUD_SDK_SK.
        // DWS_ENDPOINT=http://localhost:8080 runs it against the mock server.
        String endpoint = System.getenv().getOrDefault("DWS_ENDPOINT", "https://dws.cn-north-4.myhuaweicloud.com");

        try (DwsSnapshotClient client = DwsSnapshotClient.builder()
                .endpoint(endpoint)
                .credentials(Credentials.akSk(System.getenv("CLOUD_SDK_AK"), System.getenv("CLOUD_SDK_SK")))
                .projectId("89cd04f168b84af6be287f71730fdb4b") // your project id
                .build()) {
            Snapshot snapshot =
                    run(client, "44b277eb-39be-4921-be31-3d61b43651d7", "backup-" + System.currentTimeMillis());
            System.out.println("created, found and deleted " + snapshot.name() + " (" + snapshot.id() + ")");
        } catch (SnapshotWaitException e) {
            System.out.println("snapshot " + e.snapshotId() + ": " + e.reason() + ", last seen " + e.lastStatus());
        } catch (DwsServiceException e) {
            System.out.println(
                    e.status() + " " + e.errorCode() + ": " + e.errorMessage() + " (request " + e.requestId() + ")");
        } catch (DwsException e) {
            System.out.println(e.getMessage()); // not sent (validation), no connection, or a timeout
        }
    }
}
