package org.opendws.snapshot.mock.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.validation.Validator;
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.opendws.snapshot.mock.generated.api.SnapshotsApi;
import org.opendws.snapshot.mock.generated.model.CreateSnapshotRequestBody;

/**
 * A create's body read as Spring MVC reads it for the operation (the same {@link ObjectMapper}),
 * valid under the generated interface's own constraints (the same validator), for the paths that
 * answer a create without Spring MVC's dispatch ({@link CreateFastPath}, the front). What it
 * cannot read, or finds invalid, those paths leave to Spring MVC, whose error handler words it.
 */
public final class CreateReader {
    private static final Method CREATE;

    static {
        try {
            CREATE = SnapshotsApi.class.getMethod("createSnapshot", String.class, CreateSnapshotRequestBody.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SnapshotsApi operation;
    private final ObjectReader reader;
    private final Validator validator;
    private final ExecutableValidator parameters;
    /** the last project id that passed the constraints: the body alone is checked for it (faster) */
    private volatile String lastValidProject;

    /** A reader for {@code operation}'s parameters, with {@code mapper} and {@code validator}. */
    public CreateReader(SnapshotsApi operation, ObjectMapper mapper, Validator validator) {
        this.operation = operation;
        this.reader = mapper.readerFor(CreateSnapshotRequestBody.class);
        this.validator = validator;
        this.parameters = validator.forExecutables();
        // the validator's description of the operation and of the body, which the first create
        // would otherwise build (about 15 ms of it), built on a thread of its own while the mock starts
        Thread describe = new Thread(() -> {
            Set<Class<?>> described = new HashSet<>();
            try {
                describe(validator, operation.getClass(), described);
                describe(validator, CreateSnapshotRequestBody.class, described);
            } catch (RuntimeException | LinkageError e) {
                // not here: the first create meets the same fault and reports it as a create's fault
            }
        }, "dws-mock-describe");
        describe.setDaemon(true);
        describe.start();
    }

    private static void describe(Validator validator, Class<?> type, Set<Class<?>> described) {
        if (described.add(type)) {
            for (PropertyDescriptor property : validator.getConstraintsForClass(type).getConstrainedProperties()) {
                if (property.isCascaded()) {
                    describe(validator, property.getElementClass(), described);
                }
                for (ContainerElementTypeDescriptor element : property.getConstrainedContainerElementTypes()) {
                    if (element.isCascaded()) { // @Valid List<X>: X
                        describe(validator, element.getElementClass(), described);
                    }
                }
            }
        }
    }

    /** The body, if it is readable JSON and the operation's parameters meet their constraints; else null. */
    public CreateSnapshotRequestBody readValid(String projectId, byte[] json) {
        CreateSnapshotRequestBody body;
        try {
            body = reader.readValue(json);
        } catch (IOException e) {
            return null;
        }
        return body != null && valid(projectId, body) ? body : null;
    }

    private boolean valid(String projectId, CreateSnapshotRequestBody body) {
        if (projectId.equals(lastValidProject)) {
            return validator.validate(body).isEmpty(); // what @Valid on the body parameter checks
        }
        boolean valid = parameters.validateParameters(operation, CREATE, new Object[] {projectId, body}).isEmpty();
        if (valid) {
            lastValidProject = projectId;
        }
        return valid;
    }

    /** {@code application/json}, alone or with {@code charset=UTF-8}: what Spring MVC reads as this does. */
    public static boolean isPlainJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String value = contentType.trim().toLowerCase(Locale.ROOT);
        return value.equals("application/json") || value.equals("application/json;charset=utf-8")
                || value.equals("application/json; charset=utf-8");
    }

    /** Whether one {@code Accept} header plainly takes JSON. */
    public static boolean acceptsJson(String accept) {
        String value = accept.trim().toLowerCase(Locale.ROOT);
        return value.equals("application/json") || value.equals("*/*");
    }
}
