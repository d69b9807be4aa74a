package org.opendws.snapshot.client.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import feign.Param;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.ParameterNameProvider;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;
import org.opendws.snapshot.client.error.DwsValidationException;
import org.opendws.snapshot.client.error.DwsValidationException.Violation;
import org.opendws.snapshot.client.generated.api.SnapshotsApiParameters;
import org.opendws.snapshot.client.generated.model.CreateSnapshotRequestBody;

/**
 * Checks a request against the constraints generated from the OpenAPI document, with Hibernate
 * Validator, before anything is sent: the body's against the models' annotations, the path and
 * query parameters' against {@link SnapshotsApiParameters}. Fields are named as on the wire
 * ({@code snapshot.cluster_id}, {@code project_id}), messages are in English. Thread-safe.
 */
public final class RequestValidator implements AutoCloseable {
    private static final Method CREATE_SNAPSHOT = parametersOf("createSnapshot", String.class);
    /** Each operation's method in SnapshotsApiParameters, by operation id (they are unique). */
    private static final Map<String, Method> OPERATIONS = Arrays.stream(
                    SnapshotsApiParameters.class.getDeclaredMethods())
            .filter(method -> Modifier.isPublic(method.getModifiers()))
            .collect(Collectors.toUnmodifiableMap(Method::getName, method -> method));

    private final ValidatorFactory factory;
    private final Validator validator;
    private final SnapshotsApiParameters parameters = new SnapshotsApiParameters();
    /** the last project id checked, and what was wrong with it: a client sends one project id */
    private volatile ProjectCheck lastProject = new ProjectCheck(null, List.of());

    private record ProjectCheck(String projectId, List<ConstraintViolation<?>> violations) {}

    /** Builds the validator (Hibernate Validator with the wire's names); close it when done. */
    public RequestValidator() {
        // string lengths are generated as @CodePointLength: counted in code points, as the
        // document counts them (src/main/openapi-generator/templates/beanValidationCore.mustache)
        factory = Validation.byProvider(HibernateValidator.class)
                .configure()
                .propertyNodeNameProvider(new JsonPropertyNames())
                .parameterNameProvider(new WireParameterNames())
                .defaultLocale(Locale.ENGLISH)
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    /**
     * Checks a create's project id and body.
     *
     * @param projectId the project id
     * @param body      the body to send
     * @throws DwsValidationException naming every broken rule
     */
    public void validateCreateSnapshot(String projectId, CreateSnapshotRequestBody body) {
        List<ConstraintViolation<?>> found = new ArrayList<>(projectViolations(projectId));
        found.addAll(validator.validate(body));
        throwIfAny("createSnapshot", found);
    }

    /**
     * Checks the path and query parameters of an operation without a body.
     *
     * @param operation the operation id, the name of its method in {@link SnapshotsApiParameters}
     * @param values    the parameters in that method's order: path parameters, then query parameters
     * @throws DwsValidationException naming every broken rule, each parameter by its name in the document
     */
    public void validateParameters(String operation, Object... values) {
        Method method = OPERATIONS.get(operation);
        if (method == null) {
            throw new IllegalStateException("the generated SnapshotsApiParameters has no " + operation);
        }
        throwIfAny(operation, List.copyOf(validator.forExecutables().validateParameters(parameters, method, values)));
    }

    private static void throwIfAny(String operation, List<ConstraintViolation<?>> found) {
        if (!found.isEmpty()) {
            List<Violation> violations = found.stream()
                    .map(v -> new Violation(wireName(v.getPropertyPath()), v.getInvalidValue(), v.getMessage()))
                    .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::rule))
                    .toList();
            throw new DwsValidationException(operation, violations);
        }
    }

    /** The violations of the path parameter, checked once per project id (a fifth of a call's checks). */
    private List<ConstraintViolation<?>> projectViolations(String projectId) {
        ProjectCheck last = lastProject;
        if (projectId == null || !projectId.equals(last.projectId())) {
            last = new ProjectCheck(
                    projectId,
                    List.copyOf(validator
                            .forExecutables()
                            .validateParameters(parameters, CREATE_SNAPSHOT, new Object[] {projectId})));
            lastProject = last;
        }
        return last.violations();
    }

    @Override
    public void close() {
        factory.close();
    }

    /** The path without the method node: {@code project_id}, {@code snapshot.name}. */
    private static String wireName(Path path) {
        StringJoiner name = new StringJoiner(".");
        for (Path.Node node : path) {
            if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.CONSTRUCTOR) {
                name.add(node.getName());
            }
        }
        return name.toString();
    }

    private static Method parametersOf(String operation, Class<?>... types) {
        try {
            return SnapshotsApiParameters.class.getMethod(operation, types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the generated SnapshotsApiParameters has no " + operation, e);
        }
    }

    /** Names bean properties by their JSON names ({@code cluster_id}, not {@code clusterId}). */
    private static final class JsonPropertyNames implements PropertyNodeNameProvider {
        private final ObjectMapper mapper = new ObjectMapper();

        @Override
        public String getName(Property property) {
            if (property instanceof JavaBeanProperty bean) {
                BeanDescription description =
                        mapper.getSerializationConfig().introspect(mapper.constructType(bean.getDeclaringClass()));
                return description.findProperties().stream()
                        .filter(json -> json.getInternalName().equals(bean.getName()))
                        .map(BeanPropertyDefinition::getName)
                        .findFirst()
                        .orElse(bean.getName());
            }
            return property.getName();
        }
    }

    /** Names parameters by their {@link Param} (the name in the path), else by their Java name. */
    private static final class WireParameterNames implements ParameterNameProvider {
        @Override
        public List<String> getParameterNames(Constructor<?> constructor) {
            return names(constructor);
        }

        @Override
        public List<String> getParameterNames(Method method) {
            return names(method);
        }

        private static List<String> names(Executable executable) {
            return Arrays.stream(executable.getParameters())
                    .map(WireParameterNames::name)
                    .toList();
        }

        private static String name(Parameter parameter) {
            Param param = parameter.getAnnotation(Param.class);
            return param != null ? param.value() : parameter.getName();
        }
    }
}
