package org.opendws.snapshot.contract.provider;

/**
 * Provider verification: every interaction of the pact, replayed against the real mock server
 * (see {@link SnapshotServiceVerification}). Fails when no pact file is found.
 */
class SnapshotServiceProviderIT extends SnapshotServiceVerification {}
