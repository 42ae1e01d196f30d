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
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.OrganisationId;

/**
 * The id of an organisation of the sharing framework: the one id rule ({@link OrganisationId}) and
 * known to the framework. {@code null} passes (use @NotNull). The validator is built by Spring, so
 * it reads the framework the gateway runs with. The {@code @Schema} is its wire form in the OpenAPI
 * document.
 */
@Schema(
        pattern = "^[a-z0-9]+(-[a-z0-9]+)*$",
        description = "The id of an organisation of the sharing framework (GET /agreements)")
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = KnownOrganisation.Validator.class)
public @interface KnownOrganisation {
    String message() default InputRules.ORGANISATION;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<KnownOrganisation, String> {
        private final Framework framework;

        public Validator(Framework framework) {
            this.framework = framework;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || value.isBlank()
                    || OrganisationId.isValid(value)
                            && framework.organisation(OrganisationId.of(value)).isPresent();
        }
    }
}
