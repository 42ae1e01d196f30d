package nl.deelpoort.gateway.web.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;

/**
 * The name of a constant of {@link #value()} (e.g. a {@code Purpose}), exactly as written. {@code
 * null} passes (use @NotNull); the message lists the allowed names, which are the contract's own.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = OneOf.Validator.class)
public @interface OneOf {
    Class<? extends Enum<?>> value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<OneOf, String> {
        private Class<? extends Enum<?>> type;
        private String message;

        @Override
        public void initialize(OneOf annotation) {
            type = annotation.value();
            message = annotation.message().isEmpty() ? InputRules.oneOf(type) : annotation.message();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null
                    || value.isBlank()
                    || Arrays.stream(type.getEnumConstants())
                            .anyMatch(c -> c.name().equals(value))) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // Constant names only (letters, digits, '_'): nothing in the template is interpolated.
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }
    }
}
