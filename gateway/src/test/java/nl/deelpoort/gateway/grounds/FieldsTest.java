package nl.deelpoort.gateway.grounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.FrameworkLoader;
import org.junit.jupiter.api.Test;

/** The parsers every grounds body goes through: free text without a BSN, nulls named, dates bounded. */
class FieldsTest {

    @Test
    void freeTextHoldingABsnInAnyNotationIsRefusedWithoutEchoingIt() {
        for (String text : List.of(
                "999993653", "scan 999 993 653", "ref 9999.93.653", "999-99-3653", "Moeder van 999993653 trekt in")) {
            Fields f = new Fields();
            assertThat(f.text(text, "reason", true, 1000)).as(text).isNull();
            assertThat(problems(f)).as(text).containsExactly("reason: " + Fields.NO_BSN);
            assertThat(problems(f).toString()).doesNotContain("3653");
        }
    }

    @Test
    void freeTextWithOtherNumbersIsKept() {
        Fields f = new Fields();
        assertThat(f.text(" C/01/412345 / JE RK 26-1234 ", "courtReference", true, 100))
                .isEqualTo("C/01/412345 / JE RK 26-1234");
        assertThat(f.text("scan-2026-0042", "evidenceReference", false, 200)).isEqualTo("scan-2026-0042");
        assertThat(f.ok()).isTrue();
    }

    @Test
    void nullElementsOfAListAreNamedByIndex() {
        Framework framework = FrameworkLoader.loadDefault();
        Fields f = new Fields();
        assertThat(f.enumList(Arrays.asList("BSN", null), "categories", Category.class, true))
                .containsExactly(Category.BSN);
        assertThat(f.organisations(Arrays.asList((String) null), "recipients", framework, true))
                .isEmpty();
        assertThat(problems(f))
                .containsExactly("categories[1]: " + Fields.NOT_NULL, "recipients[0]: " + Fields.NOT_NULL);
    }

    @Test
    void datesOutsideSensibleYearsAreRefused() {
        Fields f = new Fields();
        assertThat(f.date("+10000-01-01", "validFrom", false)).isNull();
        assertThat(f.date("1899-12-31", "subject.birthDate", true)).isNull();
        assertThat(f.date("2026-05-01", "validUntil", true)).isNotNull();
        assertThat(fields(f)).containsExactly("validFrom", "subject.birthDate");
    }

    @Test
    void throwIfAnyRefusesWithEveryFieldAt422() {
        Fields f = new Fields();
        f.text("999 993 653", "justification", true, 4000);
        assertThatThrownBy(f::throwIfAny)
                .isInstanceOfSatisfying(
                        GroundRefusedException.class,
                        e -> assertThat(e.forbidden()).isFalse());
    }

    private static List<String> problems(Fields f) {
        try {
            f.throwIfAny();
            return List.of();
        } catch (GroundRefusedException e) {
            return e.fields().stream().map(x -> x.field() + ": " + x.problem()).toList();
        }
    }

    private static List<String> fields(Fields f) {
        try {
            f.throwIfAny();
            return List.of();
        } catch (GroundRefusedException e) {
            return e.fields().stream().map(InvalidField::field).toList();
        }
    }
}
