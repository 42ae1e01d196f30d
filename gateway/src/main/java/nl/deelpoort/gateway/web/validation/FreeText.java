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
import nl.deelpoort.policy.Bsn;

/**
 * Free text that is stored or logged: at most {@link #max()} characters and nothing that reads as a
 * BSN (refer to a person in another way), and no control characters: a NUL cannot be stored at all
 * (PostgreSQL text refuses it), and escape sequences or bidirectional overrides would make the text
 * read differently on an officer's screen than it was written. Tabs and line breaks are text.
 * {@code null} passes (use @NotBlank).
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = FreeText.Validator.class)
public @interface FreeText {
    int max();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<FreeText, String> {
        private int max;

        @Override
        public void initialize(FreeText annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String problem = value.length() > max
                    ? InputRules.atMost(max)
                    : hasControlCharacter(value)
                            ? InputRules.NO_CONTROL_CHARACTERS
                            : Bsn.appearsIn(value) ? InputRules.NO_BSN : null;
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }

        /**
         * C0 controls other than tab, line feed and carriage return; DEL and the C1 controls; the
         * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
         */
        static boolean hasControlCharacter(String value) {
            return value.codePoints()
                    .anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                            || (c >= 0x7f && c <= 0x9f)
                            || (c >= 0x202a && c <= 0x202e)
                            || (c >= 0x2066 && c <= 0x2069));
        }
    }
}
