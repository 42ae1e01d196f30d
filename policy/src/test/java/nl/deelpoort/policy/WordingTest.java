package nl.deelpoort.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The wording in {@code reasons_nl/en.properties}: every code, every part of a sentence a rule
 * asks for and every label has a Dutch and an English text with the same placeholders, and the
 * files hold nothing that no code, rule or label uses.
 */
class WordingTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Set<JavaClass> MAIN_CLASSES = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("nl.deelpoort.policy")
                    .stream()
                    .collect(Collectors.toSet());

    /** A rule asks for its templates when its class loads: load them all. */
    @BeforeAll
    static void loadEveryClass() throws Exception {
        for (JavaClass type : MAIN_CLASSES) {
            MethodHandles.lookup().ensureInitialized(Class.forName(type.getName()));
        }
    }

    @ParameterizedTest
    @EnumSource(ReasonCode.class)
    void everyCodeHasASentenceInBothLanguages(ReasonCode code) {
        assertThat(code.templateNl()).isNotBlank();
        assertThat(code.templateEn()).isNotBlank();
    }

    @Test
    void everyLabelledValueHasALabelInBothLanguages() {
        for (Class<? extends Labelled> type : Wording.LABELLED) {
            for (Labelled value : type.getEnumConstants()) {
                assertThat(value.labelNl()).as(Wording.labelKey(value)).isNotBlank();
                assertThat(value.labelEn()).as(Wording.labelKey(value)).isNotBlank();
            }
        }
    }

    @Test
    void everyLabelledEnumIsKnownToTheWording() {
        Set<String> labelled = MAIN_CLASSES.stream()
                .filter(c -> c.isEnum() && c.isAssignableTo(Labelled.class))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
        assertThat(Wording.LABELLED.stream().map(Class::getName)).containsExactlyInAnyOrderElementsOf(labelled);
    }

    @Test
    void bothLanguagesHaveTheSameKeysWithTheSamePlaceholders() {
        Map<String, String> nl = Wording.texts("nl");
        Map<String, String> en = Wording.texts("en");
        assertThat(nl.keySet()).isEqualTo(en.keySet());
        for (String key : nl.keySet()) {
            assertThat(nl.get(key)).as(key).isNotBlank();
            assertThat(en.get(key)).as(key).isNotBlank();
            assertThat(placeholders(nl.get(key))).as(key).isEqualTo(placeholders(en.get(key)));
        }
    }

    @Test
    void everyPartOfASentenceHasTheCodeItBelongsTo() {
        Set<String> codes = Arrays.stream(ReasonCode.values()).map(Enum::name).collect(Collectors.toSet());
        for (String key : Wording.asked()) {
            String prefix = key.substring(0, Math.max(key.indexOf('.'), 0));
            assertThat(codes.contains(key) || codes.contains(prefix) || prefix.equals("word") || isLabel(key))
                    .as(key)
                    .isTrue();
        }
    }

    @Test
    void theFilesHoldNoTextThatNothingUses() {
        Set<String> used = new HashSet<>(Wording.asked());
        Arrays.stream(ReasonCode.values()).map(Enum::name).forEach(used::add);
        Set<String> orphans = new TreeSet<>(Wording.texts("nl").keySet());
        orphans.addAll(Wording.texts("en").keySet());
        orphans.removeAll(used);
        assertThat(orphans).isEmpty();
    }

    @Test
    void theFilesAreReadAsUtf8() {
        assertThat(ReasonCode.SAME_ORGANISATION.templateNl()).contains("één organisatie");
        assertThat(Wording.texts("nl").get("MEASURE_MISSING.ended")).contains("beëindigd");
    }

    private static boolean isLabel(String key) {
        for (Class<? extends Labelled> type : Wording.LABELLED) {
            for (Labelled value : type.getEnumConstants()) {
                if (Wording.labelKey(value).equals(key)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> placeholders(String template) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
