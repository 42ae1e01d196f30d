package nl.deelpoort.gateway.console.professional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.policy.Category;
import org.springframework.context.MessageSource;

/**
 * The input rules' verdict on an exchange form, shown on the form: the service names broken fields
 * by their API path ({@code subject.bsn}, {@code categories[2]}, {@code payload.CASE_NOTES{0}}), in
 * English; each is turned into the form field it came from and a sentence of the professional
 * bundle that says what that field needs. The rules themselves stay in the service.
 *
 * <p>Public, as are the members its templates use: template expressions read public types only.
 *
 * @param shown the broken form fields in the form's order, one sentence each
 */
public record ExchangeFormErrors(List<Shown> shown) {

    /** A broken form field: its name, the id an error-summary link jumps to, and the sentence. */
    public record Shown(String field, String anchor, String message) {}

    /** A broken form field before its sentence is looked up. */
    record FormField(String field, String anchor, String messageKey) {}

    static final String FIRST_CATEGORY = "category-" + Category.values()[0].name();
    static final String FIRST_SECTION = "section-" + Category.values()[0].name();

    static ExchangeFormErrors none() {
        return new ExchangeFormErrors(List.of());
    }

    public boolean any() {
        return !shown.isEmpty();
    }

    public boolean has(String field) {
        return shown.stream().anyMatch(s -> s.field().equals(field));
    }

    public String message(String field) {
        return shown.stream()
                .filter(s -> s.field().equals(field))
                .map(Shown::message)
                .findFirst()
                .orElse("");
    }

    /** The problems as sentences of {@code messages} in {@code locale}, in the order of {@code form}'s fields. */
    static ExchangeFormErrors of(
            List<InvalidField> problems,
            String actingRoleField,
            List<String> form,
            MessageSource messages,
            Locale locale) {
        return new ExchangeFormErrors(fields(problems, actingRoleField, form).stream()
                .map(f -> new Shown(f.field(), f.anchor(), messages.getMessage(f.messageKey(), null, locale)))
                .toList());
    }

    /**
     * One form field per broken API field, the first problem of each form field only, in the order
     * of {@code form} (the form's field names, top to bottom; a section's text counts as {@code
     * sections}, a field the form does not have comes first). {@code actingRoleField} is the form
     * field in which the viewer chose their own role.
     */
    static List<FormField> fields(List<InvalidField> problems, String actingRoleField, List<String> form) {
        Map<String, FormField> byField = new LinkedHashMap<>();
        for (InvalidField problem : problems) {
            FormField f = formField(problem.field(), actingRoleField);
            byField.putIfAbsent(f.field(), f);
        }
        List<FormField> ordered = new ArrayList<>(byField.values());
        ordered.sort(
                Comparator.comparingInt(f -> form.indexOf(f.field().startsWith("section-") ? "sections" : f.field())));
        return ordered;
    }

    private static FormField formField(String apiField, String actingRoleField) {
        String head = head(apiField);
        return switch (head) {
            case "subject" -> simple("bsn");
            case "purpose" -> simple("purpose");
            case "actingRole" -> simple(actingRoleField);
            case "holder", "holderRole" -> simple("holder");
            case "recipient", "recipientRole" -> simple("recipient");
            case "categories" -> new FormField("categories", FIRST_CATEGORY, "exchange.invalid.categories");
            case "overrideId" -> simple("overrideId");
            case "payload" -> section(apiField);
            default -> new FormField("form", "content", "exchange.invalid.other");
        };
    }

    /** {@code payload.CASE_NOTES{0}} → the CASE_NOTES text; {@code payload} alone → the sections as a whole. */
    private static FormField section(String apiField) {
        if (apiField.startsWith("payload.")) {
            String name = head(apiField.substring("payload.".length()));
            if (!name.isEmpty()) {
                return new FormField("section-" + name, "section-" + name, "exchange.invalid.section");
            }
        }
        return new FormField("sections", FIRST_SECTION, "exchange.invalid.sections");
    }

    private static FormField simple(String field) {
        return new FormField(field, field, "exchange.invalid." + field);
    }

    /** The first name of a JSON path: up to the first {@code .}, {@code [} or <code>{</code>. */
    private static String head(String path) {
        int end = path.length();
        for (char c : new char[] {'.', '[', '{'}) {
            int i = path.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return path.substring(0, end);
    }
}
