package example;

import org.opendws.snapshot.auth.Credentials;
import org.opendws.snapshot.client.CreatedSnapshot;
import org.opendws.snapshot.client.DwsSnapshotClient;
import org.opendws.snapshot.client.error.DwsConnectionException;
import org.opendws.snapshot.client.error.DwsServiceException;
import org.opendws.snapshot.client.error.DwsTimeoutException;
import org.opendws.snapshot.client.error.DwsValidationException;

public class CreateSnapshotSolution {

    public static void main(String[] args) {
        // Hard-coded or plaintext AK/SK are a security risk: as in the API page's sample, they come
        // from the environment variables CLOUD_SDK_AK and CLOUD_SDK_SK.
        String ak = System.getenv("CLOUD_SDK_AK");
        String sk = System.getenv("CLOUD_SDK_SK");

        try (DwsSnapshotClient client = DwsSnapshotClient.builder()
                .credentials(Credentials.akSk(ak, sk))
                .region("cn-north-4")
                .projectId("89cd04f168b84af6be287f71730fdb4b") // your project id
                .build()) {
            CreatedSnapshot snapshot = client.createSnapshot(
                    "snapshot-3", "44b277eb-39be-4921-be31-3d61b43651d7", "Snapshot-3 description");
            System.out.println("snapshot " + snapshot.id() + ", request id " + snapshot.requestId());
        } catch (DwsValidationException e) {
            System.out.println(e.violations()); // nothing was sent
        } catch (DwsConnectionException e) {
            e.printStackTrace();
        } catch (DwsTimeoutException e) {
            e.printStackTrace();
        } catch (DwsServiceException e) {
            e.printStackTrace();
            System.out.println(e.status());
            System.out.println(e.requestId());
            System.out.println(e.errorCode());
            System.out.println(e.errorMessage());
        }
    }
}
