package nl.deelpoort.gateway.decision;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import nl.deelpoort.gateway.web.validation.InputRules;
import nl.deelpoort.gateway.web.validation.Values;
import nl.deelpoort.policy.Category;
import tools.jackson.databind.JsonNode;

/**
 * A list of category names: at least one, no more than there are categories, each a string naming
 * a {@link Category}. A broken element is named by its index ({@code categories[2]}), never by its
 * value; a list that is too long is refused as a whole, without a problem per element. The {@code
 * @Schema} is its wire form in the OpenAPI document: a list of category names.
 */
@Schema(implementation = Category.class)
@Target({FIELD, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = CategoryNames.Validator.class)
public @interface CategoryNames {
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<CategoryNames, List<JsonNode>> {

        private static final int MAX = Category.values().length;

        @Override
        public boolean isValid(List<JsonNode> names, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            if (names == null || names.isEmpty()) {
                return refuse(context, "name at least one category", null);
            }
            if (names.size() > MAX) {
                return refuse(context, "at most " + MAX + " categories", null);
            }
            boolean valid = true;
            for (int i = 0; i < names.size(); i++) {
                String problem = problem(names.get(i));
                if (problem != null) {
                    valid = refuse(context, problem, i);
                }
            }
            return valid;
        }

        private static String problem(JsonNode name) {
            if (name == null || name.isNull() || name.isMissingNode()) {
                return InputRules.REQUIRED;
            }
            if (!name.isString()) {
                return "must be a string, one of " + List.of(Category.values());
            }
            if (name.stringValue().isBlank()) {
                return InputRules.REQUIRED;
            }
            return Values.constant(Category.class, name.stringValue()).isEmpty()
                    ? InputRules.oneOf(Category.class)
                    : null;
        }

        /** Adds the problem, for the whole list or (with an index) for one element; always false. */
        private static boolean refuse(ConstraintValidatorContext context, String problem, Integer index) {
            // Closed vocabulary only (category names, digits): nothing in the template is interpolated.
            var violation = context.buildConstraintViolationWithTemplate(problem);
            if (index == null) {
                violation.addConstraintViolation();
            } else {
                violation.addBeanNode().inIterable().atIndex(index).addConstraintViolation();
            }
            return false;
        }
    }
}
