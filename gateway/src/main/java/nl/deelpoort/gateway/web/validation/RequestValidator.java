package nl.deelpoort.gateway.web.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Validates a request body against its constraints and names every broken field at once, as a
 * JSON path ({@code subject.bsn}, {@code categories[2]}, {@code givenBy[0].role}), in the order the
 * record declares its fields. A missing body is one field, {@code ""}. Values are never repeated.
 */
@Component
public class RequestValidator {

    /** A record's component names in declaration order, read once per class (requests are on the hot path). */
    private static final ClassValue<List<String>> FIELD_ORDER = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            return type.isRecord()
                    ? Arrays.stream(type.getRecordComponents())
                            .map(RecordComponent::getName)
                            .toList()
                    : List.of();
        }
    };

    private final Validator validator;

    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    /** {@code body} when it breaks no rule; else a 422 naming every broken field. */
    public <T> T valid(T body) {
        List<InvalidField> problems = problems(body);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return body;
    }

    /** The broken fields of {@code body}, for a feature that adds checks of its own before throwing. */
    public List<InvalidField> problems(Object body) {
        if (body == null) {
            return List.of(new InvalidField("", InputRules.BODY_REQUIRED));
        }
        Set<? extends ConstraintViolation<?>> violations = validator.validate(body);
        List<String> order = FIELD_ORDER.get(body.getClass());
        return violations.stream()
                .map(v -> new InvalidField(path(v.getPropertyPath()), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparingInt((InvalidField f) -> position(order, f.field()))
                        .thenComparing(f -> sortable(f.field()))
                        .thenComparing(InvalidField::problem))
                .toList();
    }

    /** A Bean Validation path as the JSON path a client reads. */
    static String path(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                out.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                        .append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT
                    && node.getKind() != ElementKind.BEAN
                    && node.getName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return out.toString();
    }

    /** {@code categories[2]} before {@code categories[10]}: indices compared as numbers. */
    private static String sortable(String field) {
        return INDEX.matcher(field)
                .replaceAll(m -> "[" + "0".repeat(Math.max(0, 9 - m.group(1).length())) + m.group(1) + "]");
    }

    private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("\\[(\\d+)]");

    private static int position(List<String> order, String field) {
        String head = field.split("[.\\[]", 2)[0];
        int i = order.indexOf(head);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
