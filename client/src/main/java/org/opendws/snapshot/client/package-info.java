/**
 * The Java client of the GaussDB(DWS) snapshot API: build a
 * {@link org.opendws.snapshot.client.DwsSnapshotClient} and call
 * {@link org.opendws.snapshot.client.DwsSnapshotClient#createSnapshot(String, String, String)},
 * {@link org.opendws.snapshot.client.DwsSnapshotClient#waitUntilAvailable(String)},
 * {@link org.opendws.snapshot.client.DwsSnapshotClient#listClusterSnapshotsPaginator},
 * {@link org.opendws.snapshot.client.DwsSnapshotClient#deleteSnapshot(String)} and the rest; results
 * are immutable records such as {@link org.opendws.snapshot.client.Snapshot}.
 *
 * <p>Sub-packages: {@code error} (the exceptions), {@code retry} (the retry policy). Credentials
 * and the AK/SK signer are in {@code org.opendws.snapshot.auth} (artifact
 * {@code dws-snapshot-auth}, a dependency of the client). The {@code generated} packages are produced from the OpenAPI
 * document at build time and are not part of the API.
 */
package org.opendws.snapshot.client;
