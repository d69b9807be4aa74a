package org.opendws.snapshot.mock.world;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a malformed world file at start-up in two lines instead of a stack trace. */
public class WorldFileFailureAnalyzer extends AbstractFailureAnalyzer<WorldFileException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WorldFileException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Fix the world file named by dws.mock.world (see server-stub/examples/world.yaml), "
                        + "or start without it to use the default world.",
                cause);
    }
}
