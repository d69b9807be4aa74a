package org.opendws.snapshot.mock.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

/**
 * {@link Size} on a {@code String} counted in Unicode code points, as the OpenAPI document's
 * {@code minLength}/{@code maxLength} count characters (JSON Schema), instead of Bean
 * Validation's UTF-16 units: a description of 200 emoji is 200 characters to the spec and 400
 * units to {@code String.length()}. Registered beside Hibernate Validator's own validators
 * (collections, arrays and other char sequences keep theirs).
 *
 * <p>Moved here from the client, which now generates Hibernate Validator's {@code @CodePointLength}
 * instead of {@code @Size}: it stays only until the mock's generated models do the same.
 */
public final class CodePointSizeValidator implements ConstraintValidator<Size, String> {
    private int min;
    private int max;

    /**
     * Makes {@code configuration} validate {@code @Size} on strings with this validator.
     *
     * @param configuration a Hibernate Validator configuration
     * @param <T>           its type
     * @return {@code configuration}
     */
    public static <T extends HibernateValidatorConfiguration> T register(T configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(Size.class).includeExistingValidators(true).validatedBy(CodePointSizeValidator.class);
        configuration.addMapping(mapping);
        return configuration;
    }

    @Override
    public void initialize(Size size) {
        min = size.min();
        max = size.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int length = value.codePointCount(0, value.length());
        return length >= min && length <= max;
    }
}
