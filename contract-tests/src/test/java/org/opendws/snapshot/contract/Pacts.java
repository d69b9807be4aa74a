package org.opendws.snapshot.contract;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The contract between the client and the service: its parties, its interactions, and where the
 * consumer tests write it (surefire) for the checks that read it (failsafe).
 */
public final class Pacts {
    /** The consumer: the Java client {@code org.opendws:dws-snapshot-client}. */
    public static final String CONSUMER = "dws-snapshot-client";
    /** The provider: the DWS snapshot service, played here by the mock server. */
    public static final String PROVIDER = "dws-snapshot-service";

    /**
     * The system property (set by failsafe) naming the directory the consumer tests wrote; without
     * it (a run from an IDE), {@code target/pacts} of the working directory.
     */
    public static final String PACT_DIR_PROPERTY = "pact.dir";

    /** The description of each interaction, one per documented outcome. */
    public static final String CREATED = "a request to create a snapshot";
    /** 400 DWS.0001. */
    public static final String INVALID_NAME = "a request to create a snapshot whose name starts with a digit";
    /** 400 DWS.0006. */
    public static final String EMPTY_BODY = "a request to create a snapshot without a body";
    /** 400 DWS.0001. */
    public static final String DUPLICATE_NAME =
            "a request to create a snapshot with a name already used in the project";
    /** 401 APIGW.0301. */
    public static final String BAD_SIGNATURE = "a request to create a snapshot with a signature that does not match";
    /** 403 DWS.0015. */
    public static final String PROJECT_NOT_ALLOWED =
            "a request to create a snapshot in a project the access key may not use";
    /** 404 DWS.0015. */
    public static final String UNKNOWN_CLUSTER = "a request to create a snapshot of a cluster that does not exist";
    /** 500 DWS.0005. */
    public static final String INTERNAL_ERROR = "a request to create a snapshot when the service fails";
    /** 503 DWS.0005. */
    public static final String UNAVAILABLE =
            "a request to create a snapshot when the service is temporarily unavailable";

    /** The interactions of Create Snapshot. */
    public static final List<String> CREATE = List.of(
            CREATED,
            INVALID_NAME,
            EMPTY_BODY,
            DUPLICATE_NAME,
            BAD_SIGNATURE,
            PROJECT_NOT_ALLOWED,
            UNKNOWN_CLUSTER,
            INTERNAL_ERROR,
            UNAVAILABLE);

    // ---- listSnapshots ----
    public static final String LISTED = "a request to list the project's snapshots";
    public static final String LIST_INVALID_PROJECT = LISTED + " of a project id that breaks its rule";
    public static final String LIST_BAD_SIGNATURE = LISTED + " with a signature that does not match";
    public static final String LIST_PROJECT_NOT_ALLOWED = LISTED + " in a project the access key may not use";
    public static final String LIST_INTERNAL_ERROR = LISTED + " when the service fails";
    public static final String LIST_UNAVAILABLE = LISTED + " when the service is temporarily unavailable";
    public static final List<String> LIST = List.of(
            LISTED,
            LIST_INVALID_PROJECT,
            LIST_BAD_SIGNATURE,
            LIST_PROJECT_NOT_ALLOWED,
            LIST_INTERNAL_ERROR,
            LIST_UNAVAILABLE);

    // ---- listClusterSnapshots ----
    public static final String PAGE = "a request for a page of a cluster's snapshots";
    public static final String PAGE_INVALID_LIMIT = PAGE + " with a limit of 0";
    public static final String PAGE_BAD_SIGNATURE = PAGE + " with a signature that does not match";
    public static final String PAGE_PROJECT_NOT_ALLOWED = PAGE + " in a project the access key may not use";
    public static final String PAGE_UNKNOWN_CLUSTER = PAGE + " of a cluster that does not exist";
    public static final String PAGE_INTERNAL_ERROR = PAGE + " when the service fails";
    public static final String PAGE_UNAVAILABLE = PAGE + " when the service is temporarily unavailable";
    public static final List<String> PAGES = List.of(
            PAGE,
            PAGE_INVALID_LIMIT,
            PAGE_BAD_SIGNATURE,
            PAGE_PROJECT_NOT_ALLOWED,
            PAGE_UNKNOWN_CLUSTER,
            PAGE_INTERNAL_ERROR,
            PAGE_UNAVAILABLE);

    // ---- listSnapshotDetails ----
    public static final String DETAIL = "a request for a snapshot";
    public static final String DETAIL_AVAILABLE = DETAIL + " that is AVAILABLE";
    public static final String DETAIL_CREATING = DETAIL + " that is CREATING";
    public static final String DETAIL_UNAVAILABLE = DETAIL + " that is UNAVAILABLE";
    public static final String DETAIL_AUTOMATED = DETAIL + " that is automated";
    public static final String DETAIL_UNKNOWN = DETAIL + " that does not exist";
    public static final String DETAIL_INVALID_ID = DETAIL + " whose id is not a UUID";
    public static final String DETAIL_BAD_SIGNATURE = DETAIL + " with a signature that does not match";
    public static final String DETAIL_PROJECT_NOT_ALLOWED = DETAIL + " in a project the access key may not use";
    public static final String DETAIL_INTERNAL_ERROR = DETAIL + " when the service fails";
    public static final String DETAIL_UNAVAILABLE_SERVICE = DETAIL + " when the service is temporarily unavailable";
    public static final List<String> DETAILS = List.of(
            DETAIL_AVAILABLE,
            DETAIL_CREATING,
            DETAIL_UNAVAILABLE,
            DETAIL_AUTOMATED,
            DETAIL_UNKNOWN,
            DETAIL_INVALID_ID,
            DETAIL_BAD_SIGNATURE,
            DETAIL_PROJECT_NOT_ALLOWED,
            DETAIL_INTERNAL_ERROR,
            DETAIL_UNAVAILABLE_SERVICE);

    // ---- deleteSnapshot ----
    public static final String DELETE = "a request to delete a snapshot";
    public static final String DELETED = DELETE + " that is AVAILABLE";
    public static final String DELETE_UNKNOWN = DELETE + " that does not exist";
    public static final String DELETE_AUTOMATED = DELETE + " that is automated";
    public static final String DELETE_CREATING = DELETE + " that is CREATING";
    public static final String DELETE_INVALID_ID = DELETE + " whose id is not a UUID";
    public static final String DELETE_BAD_SIGNATURE = DELETE + " with a signature that does not match";
    public static final String DELETE_PROJECT_NOT_ALLOWED = DELETE + " in a project the access key may not use";
    public static final String DELETE_INTERNAL_ERROR = DELETE + " when the service fails";
    public static final String DELETE_UNAVAILABLE = DELETE + " when the service is temporarily unavailable";
    public static final List<String> DELETES = List.of(
            DELETED,
            DELETE_UNKNOWN,
            DELETE_AUTOMATED,
            DELETE_CREATING,
            DELETE_INVALID_ID,
            DELETE_BAD_SIGNATURE,
            DELETE_PROJECT_NOT_ALLOWED,
            DELETE_INTERNAL_ERROR,
            DELETE_UNAVAILABLE);

    /** Every interaction the pact must hold. */
    public static final List<String> ALL = Stream.of(CREATE, LIST, PAGES, DETAILS, DELETES)
            .flatMap(List::stream)
            .toList();

    /** The interactions whose answer holds whole snapshots (list, page, detail). */
    public static final List<String> WITH_SNAPSHOTS =
            List.of(LISTED, PAGE, DETAIL_AVAILABLE, DETAIL_CREATING, DETAIL_UNAVAILABLE, DETAIL_AUTOMATED);

    private Pacts() {}

    /** The directory the consumer tests wrote the pacts to. */
    public static Path directory() {
        return Path.of(System.getProperty(PACT_DIR_PROPERTY, "target/pacts"));
    }

    /** The pact file of this consumer and provider, as Pact JVM names it. */
    public static Path file() {
        Path file = directory().resolve(CONSUMER + "-" + PROVIDER + ".json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no pact file " + file + ": the consumer tests (surefire, test phase) "
                    + "write it; run ./mvnw verify -pl contract-tests -am");
        }
        return file;
    }

    /** The pact file, read by Pact JVM's own reader. */
    public static V4Pact load() {
        return DefaultPactReader.INSTANCE.loadPact(file().toFile()).asV4Pact().unwrap();
    }

    /** One interaction of the pact file. */
    public static V4Interaction.SynchronousHttp interaction(V4Pact pact, String description) {
        return pact.getInteractions().stream()
                .filter(i -> i.getDescription().equals(description))
                .map(i -> (V4Interaction.SynchronousHttp) i)
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("the pact " + file() + " has no interaction '" + description + "'"));
    }
}
