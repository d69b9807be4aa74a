package org.opendws.snapshot.mock.auth;

/** What {@code dws.mock.auth} accepts as credentials. */
public enum AuthMode {
    /** AK/SK signatures and IAM tokens (the default). */
    AKSK,
    /** IAM tokens ({@code X-Auth-Token}) only. */
    TOKEN,
    /** No authentication at all: for quick trials with curl. */
    NONE
}
