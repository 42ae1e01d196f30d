package nl.deelpoort.policy;

import static nl.deelpoort.policy.ConsentGiverRole.GUARDIAN;
import static nl.deelpoort.policy.ConsentGiverRole.LEGAL_REPRESENTATIVE;
import static nl.deelpoort.policy.ConsentGiverRole.PARENT_WITH_AUTHORITY;
import static nl.deelpoort.policy.ConsentGiverRole.SUBJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConsentGiverRulesTest {
    private static final ConsentGiverRules RULES = ConsentGiverRules.of(Fixtures.FRAMEWORK);
    private static final LocalDate ON = LocalDate.of(2026, 11, 22);

    static Stream<Arguments> givers() {
        return Stream.of(
                row("child of 8, parent with authority", 8, true, PARENT_WITH_AUTHORITY),
                row("child of 8, guardian", 8, true, GUARDIAN),
                row("child of 8 alone", 8, false, SUBJECT),
                row("child of 8, a legal representative is not a parent", 8, false, LEGAL_REPRESENTATIVE),
                row("12th birthday today: parent alone no longer enough", 12, false, PARENT_WITH_AUTHORITY),
                row("minor of 14 with a parent", 14, true, SUBJECT, PARENT_WITH_AUTHORITY),
                row("minor of 14 with the guardian", 14, true, SUBJECT, GUARDIAN),
                row("minor of 14 alone", 14, false, SUBJECT),
                row("minor of 14, parent alone", 14, false, PARENT_WITH_AUTHORITY),
                row("minor of 16 alone", 16, true, SUBJECT),
                row("minor of 17, a parent alone is refused", 17, false, PARENT_WITH_AUTHORITY),
                row("minor of 17 with a parent", 17, true, SUBJECT, PARENT_WITH_AUTHORITY),
                row("adult", 30, true, SUBJECT),
                row("adult through a curator", 30, true, LEGAL_REPRESENTATIVE),
                row("adult, a parent cannot consent", 30, false, PARENT_WITH_AUTHORITY),
                row("nobody gave consent", 30, false));
    }

    private static Arguments row(String scenario, int age, boolean valid, ConsentGiverRole... givers) {
        return Arguments.of(scenario, ON.minusYears(age), List.of(givers), valid);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("givers")
    void checksWhoMayConsent(String scenario, LocalDate birthDate, List<ConsentGiverRole> givers, boolean valid) {
        List<Reason> reasons = RULES.check(birthDate, givers, ON);
        if (valid) {
            assertThat(reasons).as(scenario).isEmpty();
        } else {
            assertThat(reasons).as(scenario).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo(ReasonCode.CONSENT_GIVER_NOT_COMPETENT);
                assertThat(r.messageNl()).doesNotContain("{");
                assertThat(r.messageEn()).doesNotContain("{");
            });
        }
    }

    @Test
    void explainsTheRuleForTheAgeBand() {
        List<Reason> reasons = RULES.check(ON.minusYears(14), List.of(PARENT_WITH_AUTHORITY), ON);
        assertThat(reasons.get(0).messageEn())
                .contains("from 12 up to 16 (now 14) consents personally and together with a parent")
                .contains("Given by: parent with parental authority (PARENT_WITH_AUTHORITY)");
    }

    @Test
    void showsTheFourAgeBandsWithTheAgesOfThePolicy() {
        assertThat(RULES.ageBands())
                .extracting(ConsentGiverRules.AgeBand::fromAge, ConsentGiverRules.AgeBand::untilAge)
                .containsExactly(
                        tuple(0, OptionalInt.of(12)),
                        tuple(12, OptionalInt.of(16)),
                        tuple(16, OptionalInt.of(18)),
                        tuple(18, OptionalInt.empty()));
        assertThat(RULES.ageBands().get(1).nl())
                .isEqualTo("Van 12 tot 16 jaar: de jeugdige geeft zelf toestemming én samen met een ouder met"
                        + " gezag of de voogd.");
        assertThat(RULES.ageBands().get(1).en()).startsWith("From 12 up to 16: the minor consents personally");
    }

    /** The band a form names for an age is the one whose rule refuses there: they cannot drift apart. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("givers")
    void theBandOfAnAgeIsTheRuleThatJudgesIt(
            String scenario, LocalDate birthDate, List<ConsentGiverRole> givers, boolean valid) {
        ConsentGiverRules.AgeBand band = RULES.ageBand(birthDate, ON).orElseThrow();
        int age = Period.between(birthDate, ON).getYears();
        assertThat(age).as(scenario).isGreaterThanOrEqualTo(band.fromAge());
        band.untilAge().ifPresent(until -> assertThat(age).as(scenario).isLessThan(until));
        if (!valid) {
            String refusal = RULES.check(birthDate, givers, ON).get(0).messageEn();
            String ages = band.untilAge().isPresent()
                    ? band.fromAge() == 0 ? "under " + band.untilAge().getAsInt() : "from " + band.fromAge()
                    : "An adult";
            assertThat(refusal).as(scenario).contains(ages);
        }
    }

    @Test
    void noBandBeforeBirth() {
        assertThat(RULES.ageBand(ON.plusDays(1), ON)).isEmpty();
        assertThat(RULES.ageBand(ON, ON))
                .map(ConsentGiverRules.AgeBand::fromAge)
                .contains(0);
    }

    @Test
    void refusesABirthDateAfterTheConsent() {
        assertThat(RULES.check(ON.plusDays(1), List.of(PARENT_WITH_AUTHORITY), ON))
                .extracting(Reason::code)
                .containsExactly(ReasonCode.CONSENT_GIVER_NOT_COMPETENT);
    }

    @Test
    void validityIsAtMostTwelveMonthsAndDefaultsToTwelve() {
        assertThat(RULES.checkValidity(ON, ON.plusMonths(12))).isEmpty();
        assertThat(RULES.checkValidity(ON, ON.plusMonths(12).plusDays(1)))
                .extracting(Reason::code)
                .containsExactly(ReasonCode.CONSENT_VALIDITY_INVALID);
        assertThat(RULES.checkValidity(ON, ON)).isNotEmpty();
        assertThat(RULES.checkValidity(ON, ON.plusMonths(13)).get(0).messageNl())
                .contains("ten hoogste 12 maanden");
        assertThat(RULES.defaultValidUntil(ON)).isEqualTo(ON.plusMonths(12));
    }
}
