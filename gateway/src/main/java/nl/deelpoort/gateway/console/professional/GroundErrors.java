package nl.deelpoort.gateway.console.professional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import nl.deelpoort.gateway.grounds.GroundRefusedException;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.policy.Violation;
import org.springframework.context.MessageSource;

/**
 * What the grounds service said about a submitted form, field by field, for the error summary and
 * for the message next to each field. The service names fields by their API path ({@code
 * subject.bsn}, {@code purposes[0]}, {@code givenBy[1].role}); a form turns each into the id of its
 * own field. An input rule broken gets the field's sentence from the professional bundle ({@code
 * grounds.invalid.<field>}, which says what the field needs); a rule of the policy gets the policy's
 * own sentence in the viewer's language, never re-worded. What the templates call is public:
 * Thymeleaf's expressions call public methods only.
 *
 * @param shown in the order of the form's fields
 */
record GroundErrors(List<Shown> shown) {

    /**
     * One broken field: the id of the form control (or fieldset) it is about, which the summary links
     * to, and the sentence.
     */
    record Shown(String field, String message) {}

    static GroundErrors none() {
        return new GroundErrors(List.of());
    }

    /**
     * The errors of a refusal, each on its form field.
     *
     * @param formField the form's id for an API path
     * @param order the form's fields top to bottom; a field id {@code name-…} sorts as {@code name}
     */
    static GroundErrors of(
            RuntimeException refusal,
            Function<String, String> formField,
            List<String> order,
            MessageSource messages,
            Locale locale) {
        List<Shown> shown = new ArrayList<>();
        if (refusal instanceof InvalidRequestException invalid) {
            for (InvalidField f : invalid.fields()) {
                String field = formField.apply(f.field());
                String key = "grounds.invalid." + group(field);
                if (shown.stream().noneMatch(s -> s.field().equals(field))) {
                    shown.add(new Shown(field, messages.getMessage(key, null, locale)));
                }
            }
        } else if (refusal instanceof GroundRefusedException refused) {
            boolean english = PolicyWords.english(locale);
            for (Violation v : refused.violations()) {
                shown.add(new Shown(
                        formField.apply(v.field()),
                        english ? v.reason().messageEn() : v.reason().messageNl()));
            }
        } else {
            throw refusal;
        }
        shown.sort(Comparator.comparingInt(s -> position(order, s.field())));
        return new GroundErrors(List.copyOf(shown));
    }

    public boolean any() {
        return !shown.isEmpty();
    }

    public int count() {
        return shown.size();
    }

    public boolean has(String field) {
        return shown.stream().anyMatch(s -> s.field().equals(field));
    }

    /** Every sentence about this field, one after the other (the policy may name two rules). */
    public String message(String field) {
        return String.join(
                " ",
                shown.stream()
                        .filter(s -> s.field().equals(field))
                        .map(Shown::message)
                        .distinct()
                        .toList());
    }

    /** The summary's entries: one per field, its sentences joined. */
    public List<Shown> summary() {
        return shown.stream()
                .map(Shown::field)
                .distinct()
                .map(f -> new Shown(f, message(f)))
                .toList();
    }

    /**
     * The value of a control's {@code aria-describedby}: its hint and, when broken, its error;
     * {@code null} (no attribute) when it has neither.
     */
    public String describedBy(String field, String hint) {
        List<String> ids = new ArrayList<>(2);
        if (hint != null && !hint.isEmpty()) {
            ids.add(hint);
        }
        if (has(field)) {
            ids.add(field + "-error");
        }
        return ids.isEmpty() ? null : String.join(" ", ids);
    }

    /** {@code giverRole-1} belongs to {@code giverRole}: row and choice suffixes do not change the sentence. */
    static String group(String field) {
        int dash = field.indexOf('-');
        return dash < 0 ? field : field.substring(0, dash);
    }

    private static int position(List<String> order, String field) {
        int i = order.indexOf(group(field));
        return i < 0 ? order.size() : i;
    }
}
