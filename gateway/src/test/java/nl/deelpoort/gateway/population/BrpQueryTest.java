package nl.deelpoort.gateway.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import nl.deelpoort.policy.AuthorityKind;
import nl.deelpoort.policy.Bsn;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The query the gateway sends and how the register's answers become facts (no HTTP here: BrpClient's ITs). */
class BrpQueryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Bsn LOTTE = Bsn.of("999990032");
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void theQueryAsksForTheSubjectsBirthDateAgeAndAuthorityOnly() {
        assertThat(JSON.readTree(BrpQuery.body(JSON, LOTTE)))
                .isEqualTo(JSON.readTree("{\"type\":\"RaadpleegMetBurgerservicenummer\","
                        + "\"burgerservicenummer\":[\"999990032\"],"
                        + "\"fields\":[\"burgerservicenummer\",\"geboorte.datum\",\"leeftijd\",\"gezag\"]}"));
    }

    @Test
    void jointAuthorityNamesBothParentsAndIgnoresRelationsAboutOthers() {
        RegisterFacts facts = facts(answer("""
                {"type":"GezamenlijkOuderlijkGezag","minderjarige":{"burgerservicenummer":"999990032"},
                 "ouders":[{"burgerservicenummer":"999990019","naam":{}},{"burgerservicenummer":"999990056","naam":{}}]},
                {"type":"EenhoofdigOuderlijkGezag","minderjarige":{"burgerservicenummer":"999990044"},
                 "ouder":{"burgerservicenummer":"999993653","naam":{}}}
                """));
        assertThat(facts.registered()).isTrue();
        assertThat(facts.birthDate()).isEqualTo(LocalDate.of(2012, 5, 1));
        assertThat(facts.age()).isEqualTo(14);
        assertThat(facts.authority().kind()).isEqualTo(AuthorityKind.BOTH_PARENTS);
        assertThat(facts.authority().parents()).containsExactlyInAnyOrder(Bsn.of("999990019"), Bsn.of("999990056"));
        assertThat(facts.checkedAt()).isEqualTo(NOW);
        assertThat(facts.toString()).doesNotContain("9999").doesNotContain("2012");
    }

    @Test
    void guardianshipWithoutANamedPersonIsAnInstitutions() {
        RegisterFacts facts = facts(answer(
                "{\"type\":\"Voogdij\",\"minderjarige\":{\"burgerservicenummer\":\"999990032\"},\"derden\":[]}"));
        assertThat(facts.authority().kind()).isEqualTo(AuthorityKind.GUARDIANSHIP);
        assertThat(facts.authority().thirdPartyWithoutBsn()).isTrue();
    }

    @Test
    void noRelationAboutTheSubjectIsNoAuthorityRegisteredAndTwoAreUndetermined() {
        assertThat(facts(answer("")).authority().kind()).isEqualTo(AuthorityKind.NONE_REGISTERED);
        String one = "{\"type\":\"TijdelijkGeenGezag\",\"minderjarige\":{\"burgerservicenummer\":\"999990032\"},"
                + "\"toelichting\":\"overleden\"}";
        assertThat(facts(answer(one)).authority().kind()).isEqualTo(AuthorityKind.TEMPORARILY_NONE);
        assertThat(facts(answer(one + "," + one)).authority().kind()).isEqualTo(AuthorityKind.UNDETERMINED);
    }

    @Test
    void noPersonIsNotRegistered() {
        RegisterFacts facts = facts("{\"type\":\"RaadpleegMetBurgerservicenummer\",\"personen\":[]}");
        assertThat(facts.registered()).isFalse();
    }

    @Test
    void anAnswerThatCannotBeTrustedIsABadAnswerThatNamesNoBsn() {
        String otherPerson = "{\"type\":\"RaadpleegMetBurgerservicenummer\",\"personen\":[{\"burgerservicenummer\":"
                + "\"999993653\",\"geboorte\":{\"datum\":{\"type\":\"Datum\",\"datum\":\"1979-01-01\"}}}]}";
        String partialDate = "{\"type\":\"RaadpleegMetBurgerservicenummer\",\"personen\":[{\"burgerservicenummer\":"
                + "\"999990032\",\"geboorte\":{\"datum\":{\"type\":\"JaarDatum\",\"jaar\":2012}}}]}";
        for (String bad : new String[] {otherPerson, partialDate, "{\"personen\":[]}", "not json 999990032"}) {
            assertThatThrownBy(() -> facts(bad))
                    .isInstanceOfSatisfying(
                            PopulationRegisterException.class,
                            e -> assertThat(e.failure()).isEqualTo(PopulationRegisterException.Failure.BAD_ANSWER))
                    .message()
                    .doesNotContain("9999");
        }
    }

    private static RegisterFacts facts(String answer) {
        return BrpQuery.facts(JSON, LOTTE, answer.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private static String answer(String gezag) {
        return "{\"type\":\"RaadpleegMetBurgerservicenummer\",\"personen\":[{\"burgerservicenummer\":\"999990032\","
                + "\"geboorte\":{\"datum\":{\"type\":\"Datum\",\"datum\":\"2012-05-01\",\"langFormaat\":\"1 mei 2012\"}},"
                + "\"leeftijd\":14,\"gezag\":[" + gezag + "]}]}";
    }
}
