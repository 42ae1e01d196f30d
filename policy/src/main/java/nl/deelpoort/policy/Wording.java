package nl.deelpoort.policy;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every sentence and label of the module, in Dutch and English, from {@code reasons_nl.properties}
 * and {@code reasons_en.properties} next to this class. They are read once, when this class is
 * loaded; a rule keeps the template it needs in a constant, so a decision never looks up a key.
 *
 * <p>Keys: a {@link ReasonCode} name for the sentence of that code; {@code CODE.part} for a part of
 * it that fills one of its placeholders ({@code CONSENT_SCOPE.purpose}); {@code Enum.CONSTANT} for
 * the label of a {@link Labelled} value ({@code Purpose.ESCALATION}); {@code word.*} for words that
 * stand for a value. A key missing in either language stops the class that asks for it from loading.
 */
final class Wording {
    private static final String BUNDLE = "nl/deelpoort/policy/reasons";
    private static final Map<String, String> NL = FrameworkLoader.readTexts(BUNDLE + "_nl.properties");
    private static final Map<String, String> EN = FrameworkLoader.readTexts(BUNDLE + "_en.properties");

    /** Every enum with labels; WordingTest checks that this is all of them. */
    static final List<Class<? extends Labelled>> LABELLED = List.of(
            ActingRole.class,
            AuthorityKind.class,
            Category.class,
            ConsentGiverRole.class,
            LegalBasis.class,
            OrganisationKind.class,
            Purpose.class);

    private static final Set<String> ASKED = ConcurrentHashMap.newKeySet();
    private static final Map<Labelled, Text> LABELS = new HashMap<>();
    /** "label (CODE)", as a value is written in a sentence; just the label where it is the code. */
    private static final Map<Labelled, Text> WORDS = new HashMap<>();

    static {
        for (Class<? extends Labelled> type : LABELLED) {
            for (Labelled value : type.getEnumConstants()) {
                Text label = of(labelKey(value));
                LABELS.put(value, label);
                WORDS.put(value, new Text(word(label.nl(), value), word(label.en(), value)));
            }
        }
    }

    private Wording() {}

    /** The text of a key in both languages, as a template for {@link Text#fill}. */
    static Text of(String key) {
        ASKED.add(key);
        Text text = new Text(text(NL, key, "nl"), text(EN, key, "en"));
        Text.compile(text.nl());
        Text.compile(text.en());
        return text;
    }

    static Text label(Labelled value) {
        return LABELS.get(value);
    }

    static Text word(Labelled value) {
        return WORDS.get(value);
    }

    static String labelKey(Labelled value) {
        return ((Enum<?>) value).getDeclaringClass().getSimpleName() + "." + value.name();
    }

    /** One language's file as it was read, for WordingTest. */
    static Map<String, String> texts(String language) {
        return language.equals("nl") ? NL : EN;
    }

    /** The keys asked for so far by the classes that have loaded, for WordingTest. */
    static Set<String> asked() {
        return Collections.unmodifiableSet(ASKED);
    }

    private static String text(Map<String, String> texts, String key, String language) {
        String text = texts.get(key);
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("no text for '" + key + "' in " + BUNDLE + "_" + language + ".properties");
        }
        return text;
    }

    private static String word(String label, Labelled value) {
        return label.equals(value.name()) ? label : label + " (" + value.name() + ")";
    }
}
