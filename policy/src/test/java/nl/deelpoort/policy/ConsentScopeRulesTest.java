package nl.deelpoort.policy;

import static nl.deelpoort.policy.Category.BSN;
import static nl.deelpoort.policy.Category.CASE_NOTES;
import static nl.deelpoort.policy.Category.HEALTH;
import static nl.deelpoort.policy.Category.HOUSEHOLD;
import static nl.deelpoort.policy.Category.PERSONALIA;
import static nl.deelpoort.policy.Fixtures.GM;
import static nl.deelpoort.policy.Fixtures.PLUSTEAM;
import static nl.deelpoort.policy.Fixtures.PORTHOS;
import static nl.deelpoort.policy.Fixtures.VT;
import static nl.deelpoort.policy.Fixtures.WAALRE;
import static nl.deelpoort.policy.Purpose.ESCALATION;
import static nl.deelpoort.policy.Purpose.MDO;
import static nl.deelpoort.policy.Purpose.PROVISION_APPLICATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a consent may cover and who may record it; the cases of the gateway's ConsentIT and ConsentPartyIT. */
class ConsentScopeRulesTest {
    private static final ConsentScopeRules RULES = new ConsentScopeRules(Fixtures.FRAMEWORK);
    private static final Set<Category> CATEGORIES = ordered(BSN, PERSONALIA, HOUSEHOLD, CASE_NOTES);

    @SafeVarargs
    private static <T> Set<T> ordered(T... values) {
        return new LinkedHashSet<>(Arrays.asList(values));
    }

    private static Set<OrganisationId> orgs(String... ids) {
        return ordered(Arrays.stream(ids).map(OrganisationId::of).toArray(OrganisationId[]::new));
    }

    private static List<Violation> escalation(
            String recorder, Set<Purpose> purposes, Set<OrganisationId> recipients, Set<OrganisationId> holders) {
        return escalation(recorder, purposes, recipients, holders, CATEGORIES);
    }

    private static List<Violation> escalation(
            String recorder,
            Set<Purpose> purposes,
            Set<OrganisationId> recipients,
            Set<OrganisationId> holders,
            Set<Category> categories) {
        return RULES.violations(OrganisationId.of(recorder), purposes, recipients, holders, categories);
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void theHolderRecordsAConsentForSharingItsOwnData() {
        assertThat(escalation(WAALRE, Set.of(ESCALATION), orgs(PLUSTEAM), orgs(WAALRE)))
                .isEmpty();
    }

    @Test
    void theRecipientRecordsAConsentFromAnyOrFromNamedHolders() {
        assertThat(escalation(PLUSTEAM, Set.of(ESCALATION), orgs(PLUSTEAM), Set.of()))
                .isEmpty();
        assertThat(escalation(PLUSTEAM, Set.of(ESCALATION), orgs(PLUSTEAM), orgs(WAALRE, GM)))
                .isEmpty();
    }

    @Test
    void aPurposeWithoutAConsentBasedFlow() {
        List<Violation> violations = escalation(WAALRE, Set.of(PROVISION_APPLICATION), orgs(PLUSTEAM), orgs(WAALRE));
        assertThat(violations.get(0).field()).isEqualTo("purposes[0]");
        assertThat(violations.get(0).reason().code()).isEqualTo(ReasonCode.CONSENT_NOT_ASKED);
        assertThat(violations.get(0).reason().messageEn())
                .isEqualTo("no flow of the sharing framework asks consent for PROVISION_APPLICATION");
        assertThat(violations.get(0).reason().messageNl())
                .isEqualTo("geen stroom van het handelingskader vraagt toestemming voor PROVISION_APPLICATION");
    }

    @Test
    void aRecipientNoConsentBasedFlowReaches() {
        List<Violation> violations = escalation(WAALRE, Set.of(ESCALATION), orgs(PLUSTEAM, VT), orgs(WAALRE));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("recipients[1]");
            assertThat(v.reason().code()).isEqualTo(ReasonCode.CONSENT_WIDER_THAN_FLOWS);
            assertThat(v.reason().messageEn())
                    .isEqualTo("no consent-based flow for [ESCALATION] has veilig-thuis as recipient");
        });
    }

    @Test
    void aHolderOutsideTheFlows() {
        assertThat(escalation(WAALRE, Set.of(ESCALATION), orgs(PLUSTEAM), orgs(PLUSTEAM)))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("holders[0]");
                    assertThat(v.reason().messageEn())
                            .isEqualTo("no consent-based flow for [ESCALATION] has plusteam as holder");
                });
    }

    @Test
    void aConsentCannotWidenAFlow() {
        assertThat(escalation(WAALRE, Set.of(ESCALATION), orgs(PLUSTEAM), orgs(WAALRE), ordered(BSN, HEALTH)))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("categories[1]");
                    assertThat(v.reason().messageEn())
                            .isEqualTo("no consent-based flow for [ESCALATION] releases HEALTH; a consent cannot"
                                    + " widen a flow");
                    assertThat(v.reason().messageNl()).contains("HEALTH").contains("niet verruimen");
                });
    }

    @Test
    void anOrganisationThatTakesNoPartIsToldToNameTheRecipient() {
        // Porthos is neither a municipality (holder under F1) nor the PlusTeam (recipient).
        assertThat(escalation(PORTHOS, Set.of(ESCALATION), orgs(PLUSTEAM), Set.of()))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("recipients");
                    assertThat(v.reason().code()).isEqualTo(ReasonCode.CONSENT_RECORDER_NOT_A_PARTY);
                    assertThat(v.reason().messageEn()).startsWith("your organisation (porthos) records only");
                });
    }

    @Test
    void anOrganisationThatCouldShareIsToldToNameItselfAsHolder() {
        assertThat(escalation(GM, Set.of(ESCALATION), orgs(PLUSTEAM), Set.of()))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("holders");
                    assertThat(v.reason().messageEn())
                            .contains("gemeente-geldrop-mierlo")
                            .contains("only recipient")
                            .contains("only holder");
                });
        assertThat(escalation(GM, Set.of(ESCALATION), orgs(PLUSTEAM), orgs(GM))).isEmpty();
    }

    @Test
    void noOrganisationAuthorisesAnExchangeBetweenTwoOthers() {
        List<List<Violation>> attempts = List.of(
                escalation(GM, Set.of(ESCALATION), orgs(PLUSTEAM), orgs(WAALRE)),
                escalation(GM, Set.of(ESCALATION), orgs(PLUSTEAM), orgs(GM, WAALRE)),
                escalation(GM, ordered(ESCALATION, MDO), orgs(PLUSTEAM, GM), orgs(WAALRE)),
                escalation(GM, ordered(ESCALATION, MDO), orgs(PLUSTEAM, GM), Set.of()));
        for (List<Violation> violations : attempts) {
            assertThat(fields(violations)).containsExactly("holders");
            assertThat(violations.get(0).reason().code()).isEqualTo(ReasonCode.CONSENT_RECORDER_NOT_A_PARTY);
        }
    }

    @Test
    void everyBrokenFieldIsNamedAndThePartyRuleWaitsForThem() {
        List<Violation> violations =
                escalation(PORTHOS, ordered(ESCALATION, PROVISION_APPLICATION), orgs(PLUSTEAM, VT), orgs(PLUSTEAM));
        assertThat(fields(violations)).containsExactly("purposes[1]", "recipients[1]", "holders[0]");
        assertThat(violations.get(1).reason().messageEn()).contains("[ESCALATION, PROVISION_APPLICATION]");
    }

    @Test
    void anUnknownOrganisationIsRefusedNotSkipped() {
        assertThat(escalation(WAALRE, Set.of(ESCALATION), orgs(PLUSTEAM, "gemeente-elders"), orgs(WAALRE)))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("recipients[1]");
                    assertThat(v.reason().code()).isEqualTo(ReasonCode.UNKNOWN_ORGANISATION);
                });
    }
}
