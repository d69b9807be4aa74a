/**
 * API: the mock in JUnit 5 tests. {@link org.opendws.snapshot.mock.junit.DwsMockTest @DwsMockTest}
 * on a test class runs one mock for the class, reset before each test;
 * {@link org.opendws.snapshot.mock.junit.DwsMockExtension} does the same for a mock configured in
 * code; {@link org.opendws.snapshot.mock.junit.DwsMockBaseUrl @DwsMockBaseUrl} marks a parameter
 * that takes its base URL. Needs JUnit Jupiter on the test class path (the mock's jar does not
 * bring it).
 */
package org.opendws.snapshot.mock.junit;
