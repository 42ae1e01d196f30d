package nl.deelpoort.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fragment of an explanation in both languages, or a template for one ({@link Wording#of}), and
 * the one place where values are turned into words. Templates use {@code {name}} placeholders filled
 * from name/value pairs; a value that is itself a {@code Text} is inserted in the matching language,
 * vocabulary values as "label (CODE)" so that the professional reads words and the API client still
 * sees the code.
 */
record Text(String nl, String en) {
    /**
     * Templates split once into literal parts and placeholders ({@link #compile}), keyed by the
     * template string itself. Only the module's own wording is compiled (a bounded set, registered by
     * {@link Wording#of}); any other string is rendered by scanning it, with the same result.
     * Declared first: {@code Wording.of} compiles into it while this class is still being initialised.
     */
    private static final Map<String, Compiled> COMPILED = new ConcurrentHashMap<>();

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

    /**
     * A template as literal parts and placeholder names: {@code literals[0] {names[0]} literals[1] …}.
     * {@code raw[i]} is the placeholder as written, kept for a name no argument fills.
     */
    private record Compiled(String[] literals, String[] names, String[] raw, int length) {}

    /**
     * This text as a template, filled from name/value pairs, e.g. {@code fill("flow", "F1")}. Both
     * languages are written into one builder, sized beforehand for the longer of the two ({@link
     * #length}), so that it never grows: what a sentence allocates is its two strings and that builder.
     */
    Text fill(Object... namedArgs) {
        Compiled compiledNl = COMPILED.get(nl);
        Compiled compiledEn = COMPILED.get(en);
        if (compiledNl == null && compiledEn == null) {
            return new Text(render(nl, true, namedArgs), render(en, false, namedArgs));
        }
        StringBuilder out = new StringBuilder(
                Math.max(length(nl, compiledNl, true, namedArgs), length(en, compiledEn, false, namedArgs)));
        String filledNl = renderWith(out, nl, compiledNl, true, namedArgs);
        out.setLength(0);
        String filledEn = renderWith(out, en, compiledEn, false, namedArgs);
        return new Text(filledNl, filledEn);
    }

    /**
     * This text as a template with its values, to be written into the sentence it is a part of (as the
     * value of one of its placeholders) in that sentence's language: the same words as {@code
     * fill(namedArgs)}, without rendering the part into strings of its own first.
     */
    Part part(Object... namedArgs) {
        return new Part(this, namedArgs);
    }

    /** A template and its name/value pairs, rendered only where a sentence names it ({@link #part}). */
    record Part(Text template, Object[] namedArgs) {}

    /** Splits a template of the module's wording once, so that rendering it never scans or substrings it. */
    static void compile(String template) {
        if (template.indexOf('{') < 0 || COMPILED.containsKey(template)) {
            return;
        }
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        // The same scan as renderScanning: a '{' without a later '}' is a literal character.
        while (i < template.length()) {
            char c = template.charAt(i);
            int end = c == '{' ? template.indexOf('}', i) : -1;
            if (end < 0) {
                literal.append(c);
                i++;
                continue;
            }
            literals.add(literal.toString());
            literal.setLength(0);
            names.add(template.substring(i + 1, end));
            raw.add(template.substring(i, end + 1));
            i = end + 1;
        }
        literals.add(literal.toString());
        int length = 0;
        for (String part : literals) {
            length += part.length();
        }
        COMPILED.put(
                template,
                new Compiled(
                        literals.toArray(String[]::new),
                        names.toArray(String[]::new),
                        raw.toArray(String[]::new),
                        length));
    }

    static String render(String template, boolean dutch, Object[] namedArgs) {
        Compiled compiled = COMPILED.get(template);
        if (compiled == null) {
            return template.indexOf('{') < 0 ? template : renderScanning(template, dutch, namedArgs);
        }
        StringBuilder out = new StringBuilder(length(template, compiled, dutch, namedArgs));
        appendCompiled(out, compiled, dutch, namedArgs);
        return out.toString();
    }

    /** Renders into {@code out} (empty), or returns the template itself when it has no placeholder. */
    private static String renderWith(
            StringBuilder out, String template, Compiled compiled, boolean dutch, Object[] namedArgs) {
        if (compiled == null) {
            return template.indexOf('{') < 0 ? template : renderScanning(template, dutch, namedArgs);
        }
        appendCompiled(out, compiled, dutch, namedArgs);
        return out.toString();
    }

    private static void appendTemplate(StringBuilder out, String template, boolean dutch, Object[] namedArgs) {
        Compiled compiled = COMPILED.get(template);
        if (compiled != null) {
            appendCompiled(out, compiled, dutch, namedArgs);
        } else if (template.indexOf('{') < 0) {
            out.append(template);
        } else {
            out.append(renderScanning(template, dutch, namedArgs));
        }
    }

    private static void appendCompiled(StringBuilder out, Compiled compiled, boolean dutch, Object[] namedArgs) {
        String[] literals = compiled.literals;
        String[] names = compiled.names;
        for (int i = 0; i < names.length; i++) {
            out.append(literals[i]);
            int at = indexOf(namedArgs, names[i]);
            if (at < 0) {
                out.append(compiled.raw[i]);
            } else {
                appendWord(out, namedArgs[at + 1], dutch);
            }
        }
        out.append(literals[names.length]);
    }

    /**
     * The length of a rendered template, exact for the values a sentence of the engine holds (words,
     * ids, texts, lists of them); dates and other values count as an upper estimate. Only a capacity:
     * a value longer than its estimate just lets the builder grow.
     */
    private static int length(String template, Compiled compiled, boolean dutch, Object[] namedArgs) {
        if (compiled == null) {
            return template.length() + 16 * (namedArgs.length / 2);
        }
        int length = compiled.length;
        String[] names = compiled.names;
        for (int i = 0; i < names.length; i++) {
            int at = indexOf(namedArgs, names[i]);
            length += at < 0 ? compiled.raw[i].length() : lengthOfWord(namedArgs[at + 1], dutch);
        }
        return length;
    }

    private static int lengthOfWord(Object value, boolean dutch) {
        if (value == null) {
            return (dutch ? UNKNOWN.nl : UNKNOWN.en).length();
        } else if (value instanceof String string) {
            return string.length();
        } else if (value instanceof Text text) {
            return (dutch ? text.nl : text.en).length();
        } else if (value instanceof Part part) {
            String template = dutch ? part.template.nl : part.template.en;
            return length(template, COMPILED.get(template), dutch, part.namedArgs);
        } else if (value instanceof Labelled labelled) {
            Text word = Wording.word(labelled);
            return (dutch ? word.nl : word.en).length();
        } else if (value instanceof OrganisationId id) {
            return id.value().length();
        } else if (value instanceof Collection<?> values) {
            if (values.isEmpty()) {
                return (dutch ? NONE.nl : NONE.en).length();
            }
            int length = -2;
            for (Object each : values) {
                length += 2 + lengthOfWord(each, dutch);
            }
            return length;
        }
        // Dates and times ("d MMMM yyyy HH:mm:ss" is at most 26 characters), numbers, anything else.
        return 32;
    }

    private static String renderScanning(String template, boolean dutch, Object[] namedArgs) {
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
                appendWord(out, namedArgs[at + 1], dutch);
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
        StringBuilder out = new StringBuilder();
        appendWord(out, value, dutch);
        return out.toString();
    }

    /** Appends a value as words: no intermediate string for texts, labels and lists. */
    private static void appendWord(StringBuilder out, Object value, boolean dutch) {
        if (value == null) {
            out.append(dutch ? UNKNOWN.nl : UNKNOWN.en);
        } else if (value instanceof String string) {
            out.append(string);
        } else if (value instanceof Text text) {
            out.append(dutch ? text.nl : text.en);
        } else if (value instanceof Part part) {
            appendTemplate(out, dutch ? part.template.nl : part.template.en, dutch, part.namedArgs);
        } else if (value instanceof Labelled labelled) {
            Text word = Wording.word(labelled);
            out.append(dutch ? word.nl : word.en);
        } else if (value instanceof OrganisationId id) {
            out.append(id.value());
        } else if (value instanceof Instant instant) {
            out.append((dutch ? TIME_NL : TIME_EN).format(instant));
        } else if (value instanceof LocalDate date) {
            out.append((dutch ? DATE_NL : DATE_EN).format(date));
        } else if (value instanceof Collection<?> values) {
            if (values.isEmpty()) {
                out.append(dutch ? NONE.nl : NONE.en);
                return;
            }
            boolean first = true;
            for (Object each : values) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                appendWord(out, each, dutch);
            }
        } else {
            out.append(value);
        }
    }
}
