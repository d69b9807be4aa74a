/**
 * The mock's embedding API, for another project's tests: {@link org.opendws.snapshot.mock.DwsMockServer}
 * and its builder, and the values it takes and gives: {@link org.opendws.snapshot.mock.World}
 * (projects, clusters, credentials, tokens), {@link org.opendws.snapshot.mock.SnapshotSeed},
 * {@link org.opendws.snapshot.mock.SnapshotView}, {@link org.opendws.snapshot.mock.JournalEntry},
 * {@link org.opendws.snapshot.mock.FaultPlan}, and the handles on a running mock,
 * {@link org.opendws.snapshot.mock.MockClock}, {@link org.opendws.snapshot.mock.MockWorld} and
 * {@link org.opendws.snapshot.mock.MockFaults}. JUnit 5 support is in
 * {@link org.opendws.snapshot.mock.junit}.
 *
 * <p>Only these types and {@code org.opendws.snapshot.mock.junit} are API. The rest of this
 * package ({@code MockServerApplication}, the standalone server's main class;
 * {@code MockServerConfiguration} and {@code MockProperties}, its wiring) and every other
 * {@code org.opendws.snapshot.mock.*} package, the generated ones included, are the mock's
 * internals: public for Spring, free to change in any release.
 */
package org.opendws.snapshot.mock;
