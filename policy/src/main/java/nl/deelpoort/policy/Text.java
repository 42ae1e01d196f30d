package nl.deelpoort.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;

/**
 * A fragment of an explanation in both languages, or a template for one ({@link Wording#of}), and
 * the one place where values are turned into words. Templates use {@code {name}} placeholders filled
 * from name/value pairs; a value that is itself a {@code Text} is inserted in the matching language,
 * vocabulary values as "label (CODE)" so that the professional reads words and the API client still
 * sees the code.
 */
record Text(String nl, String en) {
    static final Text EMPTY = new Text("", "");
    private static final Text UNKNOWN = Wording.of("word.unknown");
    private static final Text NONE = Wording.of("word.none");
    private static final ZoneId ZONE = Framework.ZONE;
    private static final DateTimeFormatter DATE_NL =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME_NL = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy HH:mm:ss", Locale.forLanguageTag("nl"))
            .withZone(ZONE);
    private static final DateTimeFormatter TIME_EN =
            DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm:ss", Locale.ENGLISH).withZone(ZONE);

    /** This text as a template, filled from name/value pairs, e.g. {@code fill("flow", "F1")}. */
    Text fill(Object... namedArgs) {
        return new Text(render(nl, true, namedArgs), render(en, false, namedArgs));
    }

    static String render(String template, boolean dutch, Object[] namedArgs) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 64);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int end = c == '{' ? template.indexOf('}', i) : -1;
            if (end < 0) {
                out.append(c);
                i++;
                continue;
            }
            String name = template.substring(i + 1, end);
            int at = indexOf(namedArgs, name);
            if (at < 0) {
                out.append(template, i, end + 1);
            } else {
                out.append(word(namedArgs[at + 1], dutch));
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static int indexOf(Object[] namedArgs, String name) {
        for (int i = 0; i + 1 < namedArgs.length; i += 2) {
            if (name.equals(namedArgs[i])) {
                return i;
            }
        }
        return -1;
    }

    static String word(Object value, boolean dutch) {
        if (value == null) {
            return dutch ? UNKNOWN.nl : UNKNOWN.en;
        }
        if (value instanceof Text text) {
            return dutch ? text.nl : text.en;
        }
        if (value instanceof Labelled labelled) {
            Text word = Wording.word(labelled);
            return dutch ? word.nl : word.en;
        }
        if (value instanceof Instant instant) {
            return (dutch ? TIME_NL : TIME_EN).format(instant);
        }
        if (value instanceof LocalDate date) {
            return (dutch ? DATE_NL : DATE_EN).format(date);
        }
        if (value instanceof Collection<?> values) {
            if (values.isEmpty()) {
                return dutch ? NONE.nl : NONE.en;
            }
            StringBuilder joined = new StringBuilder();
            for (Iterator<?> it = values.iterator(); it.hasNext(); ) {
                joined.append(word(it.next(), dutch));
                if (it.hasNext()) {
                    joined.append(", ");
                }
            }
            return joined.toString();
        }
        return value.toString();
    }
}
