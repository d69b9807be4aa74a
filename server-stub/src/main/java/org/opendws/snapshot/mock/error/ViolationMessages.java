package org.opendws.snapshot.mock.error;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.Map;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * Words a Bean Validation violation as {@code <field>: <rule> (rejected value: <value>)}, the
 * field named as in the JSON (e.g. {@code snapshot.cluster_id}, not the Java property), the
 * rule taken from the generated constraint, so from the spec.
 */
public final class ViolationMessages {
    private static final int MAX_SHOWN_VALUE = 300;
    private final ObjectMapper mapper;

    /** Messages with JSON names as {@code mapper} sees them. */
    public ViolationMessages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The message of one violation.
     *
     * @param prefix   the JSON name of the validated value's root (a path variable's name), or
     *                 null when the path starts at a bean's properties
     * @param rootType the class the property path starts from
     */
    public String message(String prefix, Class<?> rootType, ConstraintViolation<?> violation) {
        String field = jsonPath(prefix, rootType, violation.getPropertyPath());
        return field + ": " + rule(violation) + " (rejected value: " + shown(violation.getInvalidValue()) + ")";
    }

    /** The rule in words, from the constraint's attributes. */
    static String rule(ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        if (constraint instanceof NotNull) {
            return "is required";
        }
        if (constraint instanceof Pattern) {
            return "must match " + attributes.get("regexp");
        }
        if (constraint instanceof Min) {
            return "must be greater than or equal to " + attributes.get("value");
        }
        if (constraint instanceof Max) {
            return "must be less than or equal to " + attributes.get("value");
        }
        if (constraint instanceof CodePointLength || constraint instanceof Size) {
            // a string's length in characters (code points, as JSON Schema counts), a list's in items
            return length((Integer) attributes.get("min"), (Integer) attributes.get("max"));
        }
        return violation.getMessage();
    }

    private static String length(int min, int max) {
        if (max == Integer.MAX_VALUE) {
            return "length must be at least " + min;
        }
        if (min == max) {
            return "length must be exactly " + min;
        }
        return min == 0 ? "length must be at most " + max : "length must be between " + min + " and " + max;
    }

    private String jsonPath(String prefix, Class<?> rootType, Path path) {
        StringBuilder out = new StringBuilder(prefix == null ? "" : prefix);
        JavaType type = rootType == null ? null : mapper.constructType(rootType);
        for (Path.Node node : path) {
            if (node.getKind() != jakarta.validation.ElementKind.PROPERTY) {
                continue;
            }
            String name = node.getName();
            if (type != null) {
                BeanDescription description = mapper.getSerializationConfig().introspect(type);
                JavaType next = null;
                for (BeanPropertyDefinition property : description.findProperties()) {
                    if (property.getInternalName().equals(node.getName())) {
                        name = property.getName();
                        next = property.getPrimaryType();
                    }
                }
                type = next;
            }
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(name);
        }
        return out.toString();
    }

    /** The rejected value, cut after {@value #MAX_SHOWN_VALUE} characters, counted in code points as the rules are. */
    static String shown(Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        int characters = text.codePointCount(0, text.length());
        return characters > MAX_SHOWN_VALUE
                ? text.substring(0, text.offsetByCodePoints(0, MAX_SHOWN_VALUE)) + "... (" + characters + " characters)"
                : text;
    }
}
