package nl.deelpoort.casefile.stub;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.common.Json;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyntheticDossiersTest {

    private static final LocalDate LATEST_PLAUSIBLE_DATE = LocalDate.of(2026, 12, 31);

    private final SyntheticDossiers dossiers = new SyntheticDossiers();

    @Test
    void sameHolderAndBsnGiveTheSameJsonFromAFreshGenerator() {
        String first = Json.write(dossiers.sections("plusteam", "999990202"));
        String second = Json.write(new SyntheticDossiers().sections("plusteam", "999990202"));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void theHolderIsPartOfTheSeed() {
        assertThat(dossiers.sections("porthos", "999990202")).isNotEqualTo(dossiers.sections("plusteam", "999990202"));
    }

    @Test
    void aPinnedDossierNeverChanges() {
        // The seed must not depend on the JVM, the date or the run: this dossier is the same on every machine,
        // so a change to the generator that would surprise tests relying on synthetic data shows up here first.
        Map<String, Object> personalia =
                map(dossiers.sections("plusteam", "999990202").get("PERSONALIA"));

        assertThat(personalia)
                .containsEntry("givenNames", "Demi")
                .containsEntry("surname", "de Boer")
                .containsEntry("birthDate", "2004-08-30");
        assertThat(map(personalia.get("address")))
                .containsEntry("city", "Mierlo")
                .containsEntry("postalCode", "5731 BV");
    }

    @Test
    void manyDossiersStayWithinTheVocabulary() {
        Set<String> seenCategories = new HashSet<>();
        Set<String> seenOrderers = new HashSet<>();
        for (String bsn : validBsns(400)) {
            for (String holder : List.of("plusteam", "porthos")) {
                Map<String, Object> sections = dossiers.sections(holder, bsn);
                seenCategories.addAll(sections.keySet());

                assertThat(sections.keySet()).isSubsetOf(Categories.ALL);
                assertThat(sections).containsEntry("BSN", bsn);
                Map<String, Object> address =
                        map(map(sections.get("PERSONALIA")).get("address"));
                assertThat(address.get("municipality"))
                        .isIn(
                                "plusteam".equals(holder)
                                        ? List.of("Waalre", "Geldrop-Mierlo")
                                        : List.of("Middelburg", "Veere"));
                assertThat((String) address.get("postalCode")).matches("\\d{4} [A-Z]{2}");

                for (Object member : list(map(sections.get("HOUSEHOLD")).get("members"))) {
                    assertThat(Elfproef.isValid((String) map(member).get("bsn")))
                            .isTrue();
                    assertThat(LocalDate.parse((String) map(member).get("birthDate")))
                            .isBefore(LATEST_PLAUSIBLE_DATE);
                }

                Map<String, Object> assessment = map(sections.get("ASSESSMENT"));
                assertThat(assessment.get("riskLevel")).isIn("laag", "midden", "hoog");
                assertThat(assessment.get("kader")).isIn("vrijwillig", "drang", "dwang");
                assertThat(list(assessment.get("zrm")))
                        .allSatisfy(score ->
                                assertThat((Integer) map(score).get("score")).isBetween(1, 5));

                if (sections.containsKey("CARE_DEPLOYED")) {
                    for (Object item : list(sections.get("CARE_DEPLOYED"))) {
                        seenOrderers.add((String) map(item).get("orderedBy"));
                        assertThat(map(item).get("costEur")).isNotNull();
                    }
                }
                if (sections.containsKey("CLOSURE")) {
                    assertThat((String) map(sections.get("CLOSURE")).get("cbsReasonCode"))
                            .isIn("01", "02", "03", "04", "05");
                }
                for (Object note : list(sections.get("CASE_NOTES"))) {
                    assertThat(LocalDate.parse((String) map(note).get("date"))).isBefore(LATEST_PLAUSIBLE_DATE);
                }
            }
        }
        // Over enough subjects every category and every kind of order turns up, so consumers meet them all.
        assertThat(seenCategories).isEqualTo(Categories.ALL);
        assertThat(seenOrderers).containsExactlyInAnyOrder("OWN", "GI", "COURT");
    }

    private static List<String> validBsns(int count) {
        return IntStream.range(0, 10_000)
                .mapToObj(i -> Elfproef.complete(String.format(Locale.ROOT, "9998%04d", i)))
                .flatMap(Optional::stream)
                .limit(count)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
