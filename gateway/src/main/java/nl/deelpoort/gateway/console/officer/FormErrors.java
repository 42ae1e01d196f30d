package nl.deelpoort.gateway.console.officer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deelpoort.gateway.audit.Period;
import nl.deelpoort.gateway.web.InvalidField;

/**
 * What is wrong with a submitted form, field by field in the form's order: the id of the field (its
 * label's {@code for}, its error's id, the summary's link) and the message key of the problem. The
 * rules are the services' own (the constraints of the API's request records); only their wording
 * is the page's: {@code officer.error.<field name>}, or {@code officer.error.order} for a period
 * that ends before it starts. (Methods the templates call are public: SpEL finds only those.)
 */
record FormErrors(Map<String, String> fields) {

    static final FormErrors NONE = new FormErrors(Map.of());

    FormErrors {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * @param names the request record's fields (as {@code RequestValidator} names them) and the form's
     *     field names, in the order the form shows them; a field not listed keeps its own name
     */
    static FormErrors of(List<InvalidField> problems, Map<String, String> names) {
        return of(problems, names, "");
    }

    /**
     * @param idSuffix added to a field's name to make its id, where a page has several such forms
     *     (one per override in the review queue)
     */
    static FormErrors of(List<InvalidField> problems, Map<String, String> names, String idSuffix) {
        Map<String, String> found = new LinkedHashMap<>();
        names.forEach((field, name) -> problems.stream()
                .filter(p -> p.field().equals(field))
                .findFirst()
                .ifPresent(p -> found.putIfAbsent(name + idSuffix, key(name, p.problem()))));
        problems.stream()
                .filter(p -> !names.containsKey(p.field()))
                .forEach(p -> found.putIfAbsent(p.field() + idSuffix, key(p.field(), p.problem())));
        return new FormErrors(found);
    }

    /** Fields a form names as the request record does, in the form's order. */
    static Map<String, String> sameNames(String... fields) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String field : fields) {
            names.put(field, field);
        }
        return Collections.unmodifiableMap(names);
    }

    /** These errors and one more: a field the form itself could not read (a number that is none). */
    FormErrors and(String name) {
        Map<String, String> more = new LinkedHashMap<>(fields);
        more.putIfAbsent(name, key(name, ""));
        return new FormErrors(more);
    }

    public boolean has(String id) {
        return fields.containsKey(id);
    }

    public String key(String id) {
        return fields.get(id);
    }

    public boolean any() {
        return !fields.isEmpty();
    }

    public int count() {
        return fields.size();
    }

    private static String key(String name, String problem) {
        return Period.ORDER.equals(problem) ? "officer.error.order" : "officer.error." + name;
    }
}
