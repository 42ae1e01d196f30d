package nl.deelpoort.gateway.console.professional;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import nl.deelpoort.gateway.console.professional.ExchangeAnswer.Line;
import nl.deelpoort.policy.ActingRole;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.DecisionEngine;
import nl.deelpoort.policy.DecisionRequest;
import nl.deelpoort.policy.DecisionResult;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.FrameworkLoader;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import nl.deelpoort.policy.SourceQuote;
import org.junit.jupiter.api.Test;

class ExchangeAnswerTest {

    private static final Framework FRAMEWORK = FrameworkLoader.loadDefault();
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final PolicyWords NL = PolicyWords.of(Locale.forLanguageTag("nl"));
    private static final PolicyWords EN = PolicyWords.of(Locale.ENGLISH);

    /** F3: the PlusTeam as adviser to a CMD, asked for a support plan and health data. */
    private static DecisionResult adviceWithHealth() {
        return new DecisionEngine(FRAMEWORK)
                .decide(DecisionRequest.builder()
                        .caller(OrganisationId.of("gemeente-geldrop-mierlo"), ActingRole.MUNICIPAL_ACCESS, "bram")
                        .holder(OrganisationId.of("plusteam"))
                        .holderRole(ActingRole.ADVISOR)
                        .recipient(OrganisationId.of("gemeente-geldrop-mierlo"), ActingRole.MUNICIPAL_ACCESS)
                        .purpose(Purpose.PROVISION_APPLICATION)
                        .categories(Category.SUPPORT_PLAN, Category.BSN, Category.HEALTH)
                        .time(NOW)
                        .build());
    }

    @Test
    void aPartialDecisionListsEveryCategoryInOrderWithTheWithheldOnesReasons() {
        ExchangeAnswer a = ExchangeAnswer.of(adviceWithHealth(), Optional.of(42L), FRAMEWORK, NOW, NL);
        assertThat(a.decision()).isEqualTo("PARTIAL");
        assertThat(a.badge()).isEqualTo("badge-warn");
        assertThat(a.categories()).extracting(Line::category).containsExactly("BSN", "SUPPORT_PLAN", "HEALTH");
        assertThat(a.categories()).extracting(Line::label).containsExactly("BSN", "Gezinsplan", "Gezondheidsgegevens");
        assertThat(a.categories()).extracting(Line::released).containsExactly(true, true, false);
        Line health = a.categories().get(2);
        assertThat(health.label()).isEqualTo("Gezondheidsgegevens");
        assertThat(health.reasons()).singleElement().asString().contains("bijzondere categorie");
        assertThat(a.disclosureId()).contains(42L);
    }

    @Test
    void theBasisNamesFlowLegalBasisAgreementInTheViewersLanguageAndQuotesTheirSources() {
        ExchangeAnswer.Basis nl = ExchangeAnswer.of(adviceWithHealth(), Optional.empty(), FRAMEWORK, NOW, NL)
                .basis()
                .orElseThrow();
        assertThat(nl.flow()).isEqualTo("F3");
        assertThat(nl.legalBasis()).startsWith("Publieke taak");
        assertThat(nl.agreement()).isEqualTo("Samenwerkings- en verwerkersovereenkomst CMD - GR PlusTeam");
        assertThat(nl.validFrom()).isEqualTo("1 januari 2024");
        assertThat(nl.validUntil()).contains("31 december 2027");
        assertThat(nl.flowSources()).extracting(SourceQuote::ref).containsExactly("000:L162");
        assertThat(nl.flowSources().get(0).text())
                .endsWith(
                        "Persoonsgegevens benodigd voor de aanvraag worden uitgewisseld tussen PlusTeam en gemeenten.");
        assertThat(nl.agreementSources()).extracting(SourceQuote::ref).containsExactly("000:L169", "000:L171");
        assertThat(nl.agreementSources().get(1).text()).endsWith("Topicus geldt als “subverwerker”.");

        ExchangeAnswer en = ExchangeAnswer.of(adviceWithHealth(), Optional.empty(), FRAMEWORK, NOW, EN);
        assertThat(en.basis().orElseThrow().legalBasis()).startsWith("Public task");
        assertThat(en.basis().orElseThrow().flowSources())
                .as("the documents' own words, in Dutch on an English page too")
                .isEqualTo(nl.flowSources());
        assertThat(en.categories().get(2).reasons()).singleElement().asString().contains("special category");
    }

    @Test
    void aDenialWithoutAFlowHasReasonsAndNoBasis() {
        DecisionResult r = new DecisionEngine(FRAMEWORK)
                .decide(DecisionRequest.builder()
                        .caller(OrganisationId.of("gemeente-geldrop-mierlo"), ActingRole.MUNICIPAL_ACCESS, "bram")
                        .holder(OrganisationId.of("gemeente-geldrop-mierlo"))
                        .holderRole(ActingRole.MUNICIPAL_ACCESS)
                        .recipient(OrganisationId.of("cbs"), ActingRole.STATISTICS)
                        .purpose(Purpose.STATISTICS)
                        .categories(Category.BSN)
                        .time(NOW)
                        .build());
        ExchangeAnswer a = ExchangeAnswer.of(r, Optional.empty(), FRAMEWORK, NOW, NL);
        assertThat(a.deny()).isTrue();
        assertThat(a.badge()).isEqualTo("badge-no");
        assertThat(a.basis()).isEmpty();
        assertThat(a.reasons()).isNotEmpty().allSatisfy(s -> assertThat(s).doesNotContain("{"));
        assertThat(a.categories()).extracting(Line::released).containsExactly(false);
    }
}
