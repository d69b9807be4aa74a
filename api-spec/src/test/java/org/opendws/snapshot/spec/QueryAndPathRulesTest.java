package org.opendws.snapshot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of the list, detail and delete operations' parameters, checked against the document:
 * a request is validated by the document and must be accepted or rejected as the facts say.
 */
class QueryAndPathRulesTest {
    private static final String CLUSTER_SNAPSHOTS =
            "/v1.0/" + SpecDocument.PROJECT_ID + "/clusters/44b277eb-39be-4921-be31-3d61b43651d7/snapshots";
    private static final String SNAPSHOTS = "/v1.0/" + SpecDocument.PROJECT_ID + "/snapshots/";

    @ParameterizedTest(name = "?{0} accepted: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|true",
                "limit=1|true",
                "limit=100&offset=3|true",
                "offset=0|true",
                "sort_key=started&sort_dir=asc|true",
                "sort_key=name&sort_dir=desc|true",
                "limit=0|false",
                "limit=-1|false",
                "limit=ten|false",
                "limit=2147483648|false",
                "offset=-1|false",
                "sort_dir=down|false",
                "sort_dir=ASC|false",
                "sort_key=size|false"
            })
    void pagingAndSorting(String query, boolean accepted) {
        assertAccepted(
                SpecDocument.validateRequest(Request.Method.GET, CLUSTER_SNAPSHOTS, query.isEmpty() ? null : query),
                accepted);
    }

    @ParameterizedTest(name = "snapshot_id \"{0}\" is refused")
    @ValueSource(
            strings = {
                "snap-1",
                "2a4d0f86-67cd-408a-8b66-017454fb779",
                "2a4d0f86-67cd-408a-8b66-017454fb7793x",
                "2a4d0f8667cd408a8b66017454fb7793",
                "2a4d0f86-67cd-408a-8b66-017454fb779g"
            })
    void snapshotIdsThatAreNotUuidsAreRefused(String snapshotId) {
        assertAccepted(SpecDocument.validateRequest(Request.Method.GET, SNAPSHOTS + snapshotId, null), false);
        assertAccepted(SpecDocument.validateRequest(Request.Method.DELETE, SNAPSHOTS + snapshotId, null), false);
    }

    @ParameterizedTest(name = "snapshot_id \"{0}\" is accepted")
    @ValueSource(strings = {"2a4d0f86-67cd-408a-8b66-017454fb7793", "2A4D0F86-67CD-408A-8B66-017454FB7793"})
    void uuidsAreAccepted(String snapshotId) {
        assertAccepted(SpecDocument.validateRequest(Request.Method.GET, SNAPSHOTS + snapshotId, null), true);
        assertAccepted(SpecDocument.validateRequest(Request.Method.DELETE, SNAPSHOTS + snapshotId, null), true);
    }

    @ParameterizedTest(name = "cluster_id \"{0}\" is refused")
    @ValueSource(strings = {"cluster-1", "44b277eb39be4921be313d61b43651d7"})
    void clusterIdsThatAreNotUuidsAreRefused(String clusterId) {
        assertAccepted(
                SpecDocument.validateRequest(
                        Request.Method.GET,
                        "/v1.0/" + SpecDocument.PROJECT_ID + "/clusters/" + clusterId + "/snapshots",
                        null),
                false);
    }

    private static void assertAccepted(ValidationReport report, boolean accepted) {
        if (accepted) {
            assertThat(report.getMessages()).isEmpty();
        } else {
            assertThat(report.hasErrors()).as(report.toString()).isTrue();
        }
    }
}
