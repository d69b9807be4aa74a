package org.opendws.snapshot.contract;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    public static final String DUPLICATE_NAME = "a request to create a snapshot with a name already used in the project";
    /** 401 APIGW.0301. */
    public static final String BAD_SIGNATURE = "a request to create a snapshot with a signature that does not match";
    /** 403 DWS.0015. */
    public static final String PROJECT_NOT_ALLOWED = "a request to create a snapshot in a project the access key may not use";
    /** 404 DWS.0015. */
    public static final String UNKNOWN_CLUSTER = "a request to create a snapshot of a cluster that does not exist";
    /** 500 DWS.0005. */
    public static final String INTERNAL_ERROR = "a request to create a snapshot when the service fails";
    /** 503 DWS.0005. */
    public static final String UNAVAILABLE = "a request to create a snapshot when the service is temporarily unavailable";

    /** Every interaction the pact must hold. */
    public static final List<String> ALL = List.of(CREATED, INVALID_NAME, EMPTY_BODY, DUPLICATE_NAME, BAD_SIGNATURE,
            PROJECT_NOT_ALLOWED, UNKNOWN_CLUSTER, INTERNAL_ERROR, UNAVAILABLE);

    private Pacts() {
    }

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
                .orElseThrow(() -> new AssertionError("the pact " + file() + " has no interaction '" + description + "'"));
    }
}
