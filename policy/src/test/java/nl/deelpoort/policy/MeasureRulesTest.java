package nl.deelpoort.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who registers a child-protection measure, for whom and how long; the cases of the gateway's MeasureIT. */
class MeasureRulesTest {
    private static final MeasureRules RULES = new MeasureRules(Fixtures.FRAMEWORK);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static List<Violation> ots(LocalDate birthDate, LocalDate validFrom, LocalDate validUntil) {
        return RULES.violations(MeasureType.OTS, birthDate, validFrom, validUntil, TODAY);
    }

    @Test
    void onlyACertifiedInstitutionRegisters() {
        assertThat(RULES.checkRegistrar(OrganisationId.of(Fixtures.GI))).isEmpty();
        for (String other : List.of(Fixtures.PLUSTEAM, Fixtures.WAALRE, Fixtures.VT, "gemeente-elders")) {
            assertThat(RULES.checkRegistrar(OrganisationId.of(other)))
                    .as(other)
                    .singleElement()
                    .satisfies(v -> {
                        assertThat(v.field()).isEmpty();
                        assertThat(v.reason().code()).isEqualTo(ReasonCode.MEASURE_REGISTRAR_NOT_ALLOWED);
                        assertThat(v.reason().messageEn())
                                .isEqualTo("only professionals of a certified institution (GI) register"
                                        + " child-protection measures");
                    });
        }
    }

    @Test
    void aMeasureForAChildForAYear() {
        assertThat(ots(TODAY.minusYears(10), TODAY, TODAY.plusYears(1))).isEmpty();
    }

    @Test
    void itEndsAfterItStarts() {
        for (LocalDate until : List.of(TODAY, TODAY.minusDays(1))) {
            assertThat(ots(TODAY.minusYears(10), TODAY, until)).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("validUntil");
                assertThat(v.reason().messageEn()).isEqualTo("must be after validFrom (it is the exclusive end day)");
            });
        }
    }

    @Test
    void onlyForAMinorOnTheFirstDayItCounts() {
        assertThat(ots(TODAY.minusYears(19), TODAY, TODAY.plusYears(1)))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("subject.birthDate");
                    assertThat(v.reason().code()).isEqualTo(ReasonCode.MEASURE_SUBJECT_NOT_A_MINOR);
                    assertThat(v.reason().messageEn())
                            .isEqualTo("a child-protection measure is registered for a minor only; the subject is 18"
                                    + " or older on 2026-11-22");
                });
        // Starting in the past counts from today; starting later counts from its start.
        assertThat(ots(TODAY.minusYears(18), TODAY.minusDays(30), TODAY.plusDays(30)))
                .extracting(Violation::field)
                .containsExactly("subject.birthDate");
        assertThat(ots(TODAY.minusYears(18).plusDays(10), TODAY.plusDays(10), TODAY.plusDays(11)))
                .singleElement()
                .satisfies(v -> assertThat(v.reason().messageEn()).endsWith("on 2026-12-02"));
    }

    @Test
    void supervisionAndGuardianshipEndWhenTheChildComesOfAge() {
        LocalDate birth = TODAY.minusYears(17);
        for (MeasureType type : List.of(MeasureType.OTS, MeasureType.VOOGDIJ)) {
            // validUntil is the exclusive end day: the 18th birthday is the latest.
            assertThat(RULES.violations(type, birth, TODAY, TODAY.plusYears(1).plusDays(1), TODAY))
                    .singleElement()
                    .satisfies(v -> {
                        assertThat(v.field()).isEqualTo("validUntil");
                        assertThat(v.reason().messageEn())
                                .isEqualTo(type + " ends by law when the child comes of age: at the latest 2027-11-22");
                    });
            assertThat(RULES.violations(type, birth, TODAY, TODAY.plusYears(1), TODAY))
                    .isEmpty();
        }
        assertThat(RULES.violations(MeasureType.JEUGDRECLASSERING, birth, TODAY, TODAY.plusYears(2), TODAY))
                .isEmpty();
    }

    @Test
    void allBrokenRulesAtOnceButNoMajorityRuleForAnAdult() {
        assertThat(ots(TODAY.minusYears(30), TODAY, TODAY.minusDays(1)))
                .extracting(Violation::field)
                .containsExactly("validUntil", "subject.birthDate");
        assertThat(ots(TODAY.minusYears(17), TODAY, TODAY))
                .extracting(v -> v.reason().code())
                .containsExactly(ReasonCode.MEASURE_VALIDITY_INVALID);
    }
}
