package org.opendws.snapshot.mock.error;

/** The error codes the mock answers with; the spec's table documents those of the DWS operation. */
public final class ErrorCodes {
    /** 400: a parameter is wrong (invalid JSON, type, missing field, constraint, duplicate name). */
    public static final String INVALID_PARAMETER = "DWS.0001";
    /** 400: the request body is missing or empty. */
    public static final String EMPTY_BODY = "DWS.0006";
    /** 403/404: no permission on the project, or the cluster does not exist. */
    public static final String NO_RESOURCE = "DWS.0015";
    /**
     * 400: no such snapshot in the project (a detail). A {@code snapshot_id} that is not a UUID
     * gets the code the document gives the parameter ({@code x-dws-error-code}), read from it.
     */
    public static final String NO_SUCH_SNAPSHOT = "DWS.5149";
    /** 404: the cluster (a valid UUID) does not exist in the project, when listing its snapshots. */
    public static final String NO_SUCH_CLUSTER = "DWS.0047";
    /** 500/503: server failure or temporary unavailability. */
    public static final String SERVER_FAILURE = "DWS.0005";
    /** The message of every 5xx the mock did not mean: it reveals no internal detail. */
    public static final String SERVER_FAILURE_MESSAGE = "Internal server error.";
    /** 401: IAM authentication failed. */
    public static final String AUTHENTICATION_FAILED = "APIGW.0301";
    /**
     * 404/405 outside the operation: what Huawei Cloud's API gateway answers for a method and
     * path it has no API for (not part of the operation's contract).
     */
    public static final String NO_SUCH_API = "APIGW.0101";
    /** The prefix of every 401 message, as the gateway words it. */
    public static final String AUTHENTICATION_PREFIX = "Incorrect IAM authentication information: ";

    private ErrorCodes() {}

    /** The code for an HTTP status that Spring or the container produced, outside the operation. */
    public static String forStatus(int status) {
        if (status == 401) {
            return AUTHENTICATION_FAILED;
        }
        if (status == 404 || status == 405) {
            return NO_SUCH_API;
        }
        return status >= 500 ? SERVER_FAILURE : INVALID_PARAMETER;
    }
}
