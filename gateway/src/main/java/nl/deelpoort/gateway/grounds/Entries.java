package nl.deelpoort.gateway.grounds;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import nl.deelpoort.policy.Framework;

/**
 * A list of at most as many entries as there are values to name: the constants of the enum {@link
 * #value()}, or, for {@code OrganisationId.class}, the organisations of the framework. {@code null}
 * passes (use @NotEmpty). Built by Spring, so it counts the framework the gateway runs with.
 */
@Target({FIELD, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = Entries.Validator.class)
@interface Entries {

    Class<?> value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<Entries, List<?>> {
        private final Framework framework;
        private int max;

        Validator(Framework framework) {
            this.framework = framework;
        }

        @Override
        public void initialize(Entries annotation) {
            Class<?> named = annotation.value();
            max = named.isEnum()
                    ? named.getEnumConstants().length
                    : framework.organisations().size();
        }

        @Override
        public boolean isValid(List<?> values, ConstraintValidatorContext context) {
            if (values == null || values.size() <= max) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("at most " + max + " entries")
                    .addConstraintViolation();
            return false;
        }
    }
}
