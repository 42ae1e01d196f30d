package nl.deelpoort.gateway.web.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import nl.deelpoort.policy.Bsn;

/**
 * A citizen service number: nine digits passing the 11-check. {@code null} passes (use @NotNull).
 * The {@code @Schema} is its wire form in the OpenAPI document.
 */
@Schema(pattern = "^[0-9]{9}$", description = "BSN: nine digits passing the 11-check (elfproef)")
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = ValidBsn.Validator.class)
public @interface ValidBsn {
    String message() default InputRules.BSN;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<ValidBsn, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || Bsn.isValid(value);
        }
    }
}
