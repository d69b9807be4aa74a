/**
 * The Java client of the GaussDB(DWS) Create Snapshot API: build a
 * {@link org.opendws.snapshot.client.DwsSnapshotClient} and call
 * {@link org.opendws.snapshot.client.DwsSnapshotClient#createSnapshot(String, String, String)}.
 *
 * <p>Sub-packages: {@code error} (the exceptions), {@code retry} (the retry policy). Credentials
 * and the AK/SK signer are in {@code org.opendws.snapshot.auth} (artifact
 * {@code dws-snapshot-auth}, a dependency of the client). The {@code generated} packages are produced from the OpenAPI
 * document at build time and are not part of the API.
 */
package org.opendws.snapshot.client;
