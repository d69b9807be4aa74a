package org.opendws.snapshot.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opendws.snapshot.client.error.NotFoundException;

/**
 * The paginator over a cluster's snapshots, against a real local HTTP server: pages are fetched
 * only as iteration needs them, {@code offset} counts pages, and the last page is recognised
 * without asking for one more.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClusterSnapshotsPaginatorTest {
    static final String PATH = SnapshotOperationsTest.CLUSTER_SNAPSHOTS;
    static final String CLUSTER = SnapshotOperationsTest.CLUSTER;

    /** The server SnapshotOperationsTest's helpers talk to; the extension starts a fresh one for each class. */
    @RegisterExtension
    static final com.github.tomakehurst.wiremock.junit5.WireMockExtension SERVER = SnapshotOperationsTest.SERVER;

    /** A cluster of {@code total} snapshots named snap-0001..., served {@code limit} a page for any page index. */
    private static void cluster(int total, int limit, int countSaid) {
        for (int offset = 0; offset <= total / limit + 1; offset++) {
            List<Map<String, Object>> page = new ArrayList<>();
            for (int i = offset * limit; i < Math.min(total, (offset + 1) * limit); i++) {
                page.add(snapshot(i));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("snapshots", page);
            body.put("project_id", SnapshotOperationsTest.PROJECT);
            body.put("cluster_id", CLUSTER);
            body.put("count", countSaid);
            SnapshotOperationsTest.answer(
                    get(urlPathEqualTo(PATH))
                            .withQueryParam("limit", equalTo(String.valueOf(limit)))
                            .withQueryParam("offset", equalTo(String.valueOf(offset))),
                    200,
                    SnapshotOperationsTest.json(body));
        }
    }

    private static Map<String, Object> snapshot(int i) {
        return Map.of(
                "id",
                String.format("00000000-0000-4000-8000-%012d", i),
                "name",
                String.format("snap-%04d", i),
                "description",
                "",
                "started",
                Instant.parse("2026-12-08T00:00:00Z").plusSeconds(i).toString(),
                "size",
                1.0,
                "status",
                "AVAILABLE",
                "type",
                "MANUAL",
                "cluster_id",
                CLUSTER);
    }

    private static List<String> offsetsAsked() {
        return SnapshotOperationsTest.received().stream()
                .map(r -> r.received().queryParameter("offset").firstValue())
                .toList();
    }

    private static ClusterSnapshotsPaginator paginator(DwsSnapshotClient client, Integer limit) {
        return client.listClusterSnapshotsPaginator(ListClusterSnapshotsRequest.builder()
                .clusterId(CLUSTER)
                .limit(limit)
                .build());
    }

    @Test
    void pagesAreFetchedOnlyAsIterationNeedsThem() {
        cluster(250, 100, 250);
        try (DwsSnapshotClient client = SnapshotOperationsTest.client().build()) {
            ClusterSnapshotsPaginator snapshots = paginator(client, 100);
            Iterator<Snapshot> iterator = snapshots.iterator();
            assertThat(SERVER.getAllServeEvents())
                    .as("nothing before the first element is asked for")
                    .isEmpty();

            assertThat(snapshots.stream().limit(100).count()).isEqualTo(100);
            assertThat(offsetsAsked()).containsExactly("0");

            assertThat(snapshots.stream().limit(101).map(Snapshot::name).toList())
                    .endsWith("snap-0099", "snap-0100");
            assertThat(offsetsAsked()).containsExactly("0", "0", "1");

            assertThat(iterator.next().name()).isEqualTo("snap-0000");
            assertThat(offsetsAsked()).hasSize(4);
        }
    }

    @Test
    void offsetIsAPageIndexAndTheLastPageIsRecognisedFromTheCount() {
        cluster(250, 100, 250);
        List<Snapshot> all;
        try (DwsSnapshotClient client = SnapshotOperationsTest.client().build()) {
            all = paginator(client, 100).stream().toList();
        }

        assertThat(all)
                .extracting(Snapshot::name)
                .containsExactlyElementsOf(IntStream.range(0, 250)
                        .mapToObj(i -> String.format("snap-%04d", i))
                        .toList());
        assertThat(offsetsAsked()).containsExactly("0", "1", "2"); // pages, not rows (0, 100, 200)
        assertThat(SnapshotOperationsTest.received()).allSatisfy(r -> {
            assertThat(r.received().queryParameter("limit").firstValue()).isEqualTo("100");
            assertThat(r.recomputedSignature(SnapshotOperationsTest.SK)).isEqualTo(r.sentSignature());
        });
    }

    @Test
    void aFullLastPageIsNotFollowedByARequestForAnEmptyOne() {
        cluster(200, 50, 200);
        try (DwsSnapshotClient client = SnapshotOperationsTest.client().build()) {
            List<SnapshotPage> pages = new ArrayList<>();
            paginator(client, 50).pages().forEach(pages::add);

            assertThat(pages)
                    .hasSize(4)
                    .allSatisfy(page -> assertThat(page.snapshots()).hasSize(50));
            assertThat(pages).extracting(SnapshotPage::offset).containsExactly(0, 1, 2, 3);
            assertThat(pages).extracting(SnapshotPage::isLast).containsExactly(false, false, false, true);
            assertThat(pages.get(0).requestId()).isEqualTo(SnapshotOperationsTest.REQUEST_ID);
        }
        assertThat(offsetsAsked()).containsExactly("0", "1", "2", "3");
    }

    @Test
    void anEmptyPageEndsThePagingEvenIfTheCountSaysMore() {
        cluster(120, 100, 500); // the count went stale: snapshots were deleted meanwhile
        try (DwsSnapshotClient client = SnapshotOperationsTest.client().build()) {
            assertThat(paginator(client, 100).stream().count()).isEqualTo(120);
        }
        assertThat(offsetsAsked()).containsExactly("0", "1", "2");
    }

    @Test
    void anEmptyClusterIsOneEmptyPage() {
        cluster(0, 100, 0);
        try (DwsSnapshotClient client = SnapshotOperationsTest.client().build()) {
            ClusterSnapshotsPaginator snapshots = paginator(client, null);
            List<Snapshot> items = new ArrayList<>();
            snapshots.forEach(items::add);
            List<SnapshotPage> pages = new ArrayList<>();
            snapshots.pages().forEach(pages::add);
            assertThat(items).isEmpty();
            assertThat(pages).singleElement().satisfies(page -> {
                assertThat(page.snapshots()).isEmpty();
                assertThat(page.count()).isZero();
                assertThat(page.isLast()).isTrue();
            });
        }
        assertThat(offsetsAsked()).containsExactly("0", "0");
    }

    @Test
    void withoutALimitPagesHoldTheDefaultSizeAndStartAtTheRequestsOffset() {
        cluster(350, ClusterSnapshotsPaginator.DEFAULT_PAGE_SIZE, 350);
        try (DwsSnapshotClient client = SnapshotOperationsTest.client().build()) {
            List<Snapshot> fromThirdPage = client
                    .listClusterSnapshotsPaginator(ListClusterSnapshotsRequest.builder()
                            .clusterId(CLUSTER)
                            .offset(2)
                            .sortKey(SortKey.NAME)
                            .sortDir(SortDir.ASC)
                            .build())
                    .stream()
                    .toList();
            assertThat(fromThirdPage).hasSize(150);
        }
        assertThat(SnapshotOperationsTest.received())
                .extracting(r -> r.received().getUrl())
                .containsExactly(
                        PATH + "?limit=100&offset=2&sort_key=name&sort_dir=asc",
                        PATH + "?limit=100&offset=3&sort_key=name&sort_dir=asc");
    }

    @Test
    void aFailingPageIsThrownWhenIterationReachesIt() {
        cluster(150, 100, 150);
        SnapshotOperationsTest.answer(
                get(urlPathEqualTo(PATH)).withQueryParam("offset", equalTo("1")),
                404,
                SpecDocument.responseExamples("listClusterSnapshots", "404").get("unknown-cluster"));
        try (DwsSnapshotClient client = SnapshotOperationsTest.client().build()) {
            Iterator<Snapshot> iterator = paginator(client, 100).iterator();
            for (int i = 0; i < 100; i++) {
                iterator.next();
            }
            NotFoundException e = catchThrowableOfType(NotFoundException.class, iterator::hasNext);
            assertThat(e.errorCode()).isEqualTo("DWS.0047");
        }
    }
}
