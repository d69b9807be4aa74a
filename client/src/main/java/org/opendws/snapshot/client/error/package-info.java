/**
 * The exceptions of the client, all unchecked and all under {@link org.opendws.snapshot.client.error.DwsException}.
 *
 * <ul>
 *   <li>{@link org.opendws.snapshot.client.error.DwsServiceException}: the service answered with an
 *       error status; {@link org.opendws.snapshot.client.error.DwsClientErrorException} (4xx) and
 *       {@link org.opendws.snapshot.client.error.DwsServerErrorException} (5xx), with one type per
 *       documented status.</li>
 *   <li>{@link org.opendws.snapshot.client.error.DwsConnectionException},
 *       {@link org.opendws.snapshot.client.error.DwsConnectTimeoutException} and
 *       {@link org.opendws.snapshot.client.error.DwsReadTimeoutException}: no answer was received.</li>
 *   <li>{@link org.opendws.snapshot.client.error.DwsValidationException}: the request breaks a rule of
 *       the API and was not sent.</li>
 *   <li>{@link org.opendws.snapshot.client.error.SnapshotWaitException}: waiting for a snapshot ended
 *       without it becoming {@code AVAILABLE}.</li>
 * </ul>
 */
package org.opendws.snapshot.client.error;
