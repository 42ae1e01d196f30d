package nl.deelpoort.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceQuoteTest {

    private static final String SENTENCE = "PT neemt de leiding als veiligheid in het geding is.";

    @ParameterizedTest
    @ValueSource(strings = {"000:L168", "004:L1", "ovk-plusteam-2027:L41"})
    void aReferenceNamesADocumentAndALine(String ref) {
        assertThat(new SourceQuote(ref, SENTENCE).ref()).isEqualTo(ref);
    }

    @Test
    void theReferenceSplitsIntoDocumentAndLine() {
        SourceQuote quote = new SourceQuote("ovk-plusteam-2027:L1041", SENTENCE);
        assertThat(quote.document()).isEqualTo("ovk-plusteam-2027");
        assertThat(quote.line()).isEqualTo("1041");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "000", "000:168", "000:L0", "000:L", "000 :L168", "000:L168, 000:L484", "OVK:L1"})
    void anythingElseIsNotAReference(String ref) {
        assertThat(SourceQuote.refProblem(ref)).isPresent();
        assertThatThrownBy(() -> new SourceQuote(ref, SENTENCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("000:L168");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", " leading space", "trailing space ", "two\nlines", "a\ttab"})
    void theSentenceIsOneLineOfText(String text) {
        assertThat(SourceQuote.textProblem(text)).isPresent();
        assertThatThrownBy(() -> new SourceQuote("000:L484", text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSentenceIsShortWithACutMarkedByAnEllipsis() {
        assertThat(SourceQuote.textProblem("x".repeat(SourceQuote.MAX_TEXT_LENGTH)))
                .isEmpty();
        assertThat(SourceQuote.textProblem("x".repeat(SourceQuote.MAX_TEXT_LENGTH + 1)))
                .hasValueSatisfying(
                        p -> assertThat(p).contains("401 characters").contains("…"));
        assertThatThrownBy(() -> new SourceQuote("000:L484", null)).hasMessageContaining("empty");
    }

    @Test
    void theReferencesJoinInTheirOrder() {
        assertThat(SourceQuote.refs(
                        List.of(new SourceQuote("000:L168", SENTENCE), new SourceQuote("000:L484", SENTENCE))))
                .isEqualTo("000:L168, 000:L484");
        assertThat(SourceQuote.refs(List.of())).isEmpty();
    }

    @Test
    void everyFlowAndAgreementOfTheDefaultFrameworkQuotesEachOfItsLinesOnceAndBriefly() {
        Framework framework = FrameworkLoader.loadDefault();
        List<List<SourceQuote>> lists = new ArrayList<>();
        framework.flows().forEach(f -> lists.add(f.sources()));
        framework.agreements().forEach(a -> lists.add(a.sources()));
        assertThat(lists).allSatisfy(quotes -> {
            assertThat(quotes).isNotEmpty();
            assertThat(quotes).extracting(SourceQuote::ref).doesNotHaveDuplicates();
            // The file quotes the sentence that holds the line, shortened with "…" past about 300 characters.
            assertThat(quotes).allSatisfy(q -> assertThat(q.text()).hasSizeLessThanOrEqualTo(300));
        });
    }

    @Test
    void theDecisionCarriesTheSentencesOfTheFlowThatApplied() {
        Framework framework = FrameworkLoader.loadDefault();
        DecisionResult r = new DecisionEngine(framework)
                .decide(DecisionRequest.builder()
                        .caller(OrganisationId.of("gemeente-waalre"), ActingRole.MUNICIPAL_ACCESS, "carla")
                        .holder(OrganisationId.of("plusteam"))
                        .holderRole(ActingRole.ADVISOR)
                        .recipient(OrganisationId.of("gemeente-waalre"), ActingRole.MUNICIPAL_ACCESS)
                        .purpose(Purpose.PROVISION_APPLICATION)
                        .categories(Category.SUPPORT_PLAN)
                        .time(Instant.parse("2026-11-22T10:00:00Z"))
                        .build());
        assertThat(r.flowId()).contains("F3");
        assertThat(r.sources()).isEqualTo(framework.flow("F3").orElseThrow().sources());
        assertThat(r.sources()).singleElement().satisfies(q -> {
            assertThat(q.ref()).isEqualTo("000:L162");
            assertThat(q.text())
                    .startsWith("PlusTeam adviseert welke zorg/ondersteuning")
                    .endsWith(
                            "Persoonsgegevens benodigd voor de aanvraag worden uitgewisseld tussen PlusTeam en gemeenten.");
        });
    }

    @Test
    void aDecisionWithoutAFlowHasNoSentences() {
        DecisionResult r = new DecisionEngine(FrameworkLoader.loadDefault())
                .decide(DecisionRequest.builder()
                        .caller(OrganisationId.of("gemeente-waalre"), ActingRole.MUNICIPAL_ACCESS, "carla")
                        .holder(OrganisationId.of("gemeente-waalre"))
                        .holderRole(ActingRole.MUNICIPAL_ACCESS)
                        .recipient(OrganisationId.of("cbs"), ActingRole.STATISTICS)
                        .purpose(Purpose.STATISTICS)
                        .categories(Category.BSN)
                        .time(Instant.parse("2026-11-22T10:00:00Z"))
                        .build());
        assertThat(r.flowId()).isEmpty();
        assertThat(r.sources()).isEmpty();
    }
}
