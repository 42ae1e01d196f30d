package nl.deelpoort.policy;

import static nl.deelpoort.policy.ConsentGiverRole.GUARDIAN;
import static nl.deelpoort.policy.ConsentGiverRole.LEGAL_REPRESENTATIVE;
import static nl.deelpoort.policy.ConsentGiverRole.PARENT_WITH_AUTHORITY;
import static nl.deelpoort.policy.ConsentGiverRole.SUBJECT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import nl.deelpoort.policy.ConsentGiverRules.Claim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The givers checked against what the population register says about authority (gezag), one row a case. */
class ConsentAuthorityTest {
    private static final ConsentGiverRules RULES = ConsentGiverRules.of(Fixtures.FRAMEWORK);

    private static final Bsn MOTHER = Bsn.of("999990019");
    private static final Bsn FATHER = Bsn.of("999990056");
    private static final Bsn STRANGER = Bsn.of("999993653");

    private static final RegisteredAuthority BOTH =
            new RegisteredAuthority(AuthorityKind.BOTH_PARENTS, Set.of(MOTHER, FATHER), Set.of(), false);
    private static final RegisteredAuthority MOTHER_ALONE =
            new RegisteredAuthority(AuthorityKind.ONE_PARENT, Set.of(MOTHER), Set.of(), false);
    private static final RegisteredAuthority GUARDIAN_PERSON =
            new RegisteredAuthority(AuthorityKind.GUARDIANSHIP, Set.of(), Set.of(STRANGER), false);
    private static final RegisteredAuthority GUARDIAN_INSTITUTION =
            new RegisteredAuthority(AuthorityKind.GUARDIANSHIP, Set.of(), Set.of(), true);
    private static final RegisteredAuthority UNDETERMINED = RegisteredAuthority.none(AuthorityKind.UNDETERMINED);

    static Stream<Arguments> rows() {
        return Stream.of(
                row("both parents, the mother signs", BOTH, null, giver(PARENT_WITH_AUTHORITY, MOTHER)),
                row("both parents, the father signs", BOTH, null, giver(PARENT_WITH_AUTHORITY, FATHER)),
                row("mother alone, the father signs", MOTHER_ALONE, "givenBy[0]", giver(PARENT_WITH_AUTHORITY, FATHER)),
                row(
                        "mother alone, the child and the father sign",
                        MOTHER_ALONE,
                        "givenBy[1]",
                        giver(SUBJECT, null),
                        giver(PARENT_WITH_AUTHORITY, FATHER)),
                row(
                        "a parent without a BSN cannot be checked",
                        BOTH,
                        "givenBy[0].bsn",
                        giver(PARENT_WITH_AUTHORITY, null)),
                row("a guardian where the BRP names none", BOTH, "givenBy[0]", giver(GUARDIAN, STRANGER)),
                row("the registered guardian", GUARDIAN_PERSON, null, giver(GUARDIAN, STRANGER)),
                row("another person as guardian", GUARDIAN_PERSON, "givenBy[0]", giver(GUARDIAN, MOTHER)),
                row("a parent under guardianship", GUARDIAN_PERSON, "givenBy[0]", giver(PARENT_WITH_AUTHORITY, MOTHER)),
                row("a guardian institution without a BSN", GUARDIAN_INSTITUTION, null, giver(GUARDIAN, null)),
                row("a guardian person without a BSN", GUARDIAN_PERSON, "givenBy[0].bsn", giver(GUARDIAN, null)),
                row(
                        "authority undetermined, a parent signs",
                        UNDETERMINED,
                        "givenBy[0]",
                        giver(PARENT_WITH_AUTHORITY, MOTHER)),
                row("authority undetermined, the subject signs", UNDETERMINED, null, giver(SUBJECT, null)),
                row("a curator is not in the gezag answer", UNDETERMINED, null, giver(LEGAL_REPRESENTATIVE, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void checksTheGiversAgainstTheRegister(
            String scenario, RegisteredAuthority authority, String refusedField, List<Claim> givers) {
        List<Violation> violations = RULES.checkAuthority(givers, authority);
        if (refusedField == null) {
            assertThat(violations).as(scenario).isEmpty();
        } else {
            assertThat(violations).as(scenario).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo(refusedField);
                assertThat(v.reason().code()).isEqualTo(ReasonCode.CONSENT_GIVER_NOT_COMPETENT);
                assertThat(v.reason().messageNl()).doesNotContain("{").doesNotContain("9999");
                assertThat(v.reason().messageEn()).doesNotContain("{").doesNotContain("9999");
            });
        }
    }

    @Test
    void aParentWithoutAuthorityIsToldWhatTheRegisterSays() {
        Violation v = RULES.checkAuthority(List.of(new Claim(PARENT_WITH_AUTHORITY, Optional.of(FATHER))), MOTHER_ALONE)
                .get(0);
        assertThat(v.reason().messageNl())
                .contains("Volgens de BRP heeft deze ouder geen gezag")
                .contains("één ouder heeft alleen het gezag");
        assertThat(v.reason().messageEn()).contains("holds no authority");
    }

    @Test
    void aTypedBirthDateMustBeTheRegistersOne() {
        LocalDate registered = LocalDate.of(2012, 5, 1);
        assertThat(RULES.checkBirthDate(Optional.empty(), registered)).isEmpty();
        assertThat(RULES.checkBirthDate(Optional.of(registered), registered)).isEmpty();
        assertThat(RULES.checkBirthDate(Optional.of(LocalDate.of(2012, 1, 5)), registered))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.code()).isEqualTo(ReasonCode.CONSENT_BIRTH_DATE_MISMATCH);
                    assertThat(r.messageNl()).contains("5 januari 2012").contains("1 mei 2012");
                });
    }

    @Test
    void aSubjectTheRegisterDoesNotKnowIsRefused() {
        assertThat(RULES.checkRegistered(true)).isEmpty();
        assertThat(RULES.checkRegistered(false))
                .singleElement()
                .extracting(Reason::code)
                .isEqualTo(ReasonCode.CONSENT_SUBJECT_NOT_REGISTERED);
    }

    private static Claim giver(ConsentGiverRole role, Bsn bsn) {
        return new Claim(role, Optional.ofNullable(bsn));
    }

    private static Arguments row(String scenario, RegisteredAuthority authority, String refusedField, Claim... givers) {
        return Arguments.of(scenario, authority, refusedField, List.of(givers));
    }
}
