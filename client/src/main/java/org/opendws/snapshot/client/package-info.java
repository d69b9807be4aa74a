/**
 * The Java client of the GaussDB(DWS) Create Snapshot API: build a
 * {@link org.opendws.snapshot.client.DwsSnapshotClient} and call
 * {@link org.opendws.snapshot.client.DwsSnapshotClient#createSnapshot(String, String, String)}.
 *
 * <p>Sub-packages: {@code auth} (credentials and the AK/SK signer), {@code error} (the exceptions),
 * {@code retry} (the retry policy). The {@code generated} packages are produced from the OpenAPI
 * document at build time and are not part of the API.
 */
package org.opendws.snapshot.client;
