package nl.deelpoort.gateway.onboarding;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Optional;
import nl.deelpoort.gateway.web.validation.InputRules;
import nl.deelpoort.policy.OrganisationId;

/**
 * The body of an onboarding call as the administrator sends it. {@code id} becomes the Organization
 * alias, the {@code organization} claim and the client id prefix, so it is held to exactly the rule of
 * {@link OrganisationId}: an id the gateway would not accept as a caller's organisation is never
 * handed out. It need not be in the sharing framework yet (onboarding comes first).
 */
record OnboardingRequest(
        @NotBlank(message = InputRules.REQUIRED) @OrganisationIdForm
        String id,

        @NotBlank(message = InputRules.REQUIRED)
        @Size(max = NAME_MAX, message = "must be at most " + NAME_MAX + " characters")
        String name,

        @Pattern(regexp = DOMAIN, message = "must be a domain name such as eindhoven.nl")
        String domain) {

    static final String ID_RULE =
            "must be lower-case letters and digits in words joined by single '-', at most 64 characters"
                    + " (e.g. gemeente-eindhoven)";
    static final int NAME_MAX = 200;
    /** A DNS name: labels of letters, digits and hyphens, at least one dot. */
    static final String DOMAIN = "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$";

    /** What to create, once the body is valid. */
    record NewOrganisation(OrganisationId id, String name, Optional<String> domain) {

        String systemClientId() {
            return id.value() + "-system";
        }
    }

    NewOrganisation command() {
        return new NewOrganisation(OrganisationId.of(id), name.strip(), Optional.ofNullable(domain));
    }

    /** The one organisation id rule ({@link OrganisationId#isValid}), known to the framework or not. */
    @Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
    @Retention(RUNTIME)
    @Constraint(validatedBy = OrganisationIdForm.Validator.class)
    @interface OrganisationIdForm {
        String message() default ID_RULE;

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<OrganisationIdForm, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || value.isBlank() || OrganisationId.isValid(value);
            }
        }
    }
}
