package nl.deelpoort.policy;

import static nl.deelpoort.policy.Category.ASSESSMENT;
import static nl.deelpoort.policy.Category.BSN;
import static nl.deelpoort.policy.Category.CASE_NOTES;
import static nl.deelpoort.policy.Category.HEALTH;
import static nl.deelpoort.policy.Category.PERSONALIA;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OverrideRulesTest {
    private static final OverrideRules RULES = new OverrideRules(Fixtures.FRAMEWORK);
    private static final String JUSTIFICATION =
            "Moeder meldt dat vader vannacht heeft gedreigd; kinderen zijn thuis en niet veilig.";

    /** A proposal at risk level HOOG with a justification: what most cases vary is who, what and how long. */
    private static OverrideProposal urgent(
            String declaredBy, Purpose purpose, Set<String> recipients, Set<Category> categories, Duration duration) {
        return proposal(declaredBy, purpose, recipients, categories, RiskLevel.HOOG, JUSTIFICATION, duration);
    }

    private static OverrideProposal proposal(
            String declaredBy,
            Purpose purpose,
            Set<String> recipients,
            Set<Category> categories,
            RiskLevel risk,
            String justification,
            Duration duration) {
        return new OverrideProposal(
                OrganisationId.of(declaredBy),
                purpose,
                Fixtures.orgs(recipients.toArray(String[]::new)),
                categories,
                risk,
                justification,
                duration);
    }

    private static List<ReasonCode> codes(OverrideProposal proposal) {
        return RULES.check(proposal).stream().map(Reason::code).toList();
    }

    @Test
    void theCmdMayOverrideEscalationToThePlusTeam() {
        assertThat(codes(urgent(
                        Fixtures.WAALRE,
                        Purpose.ESCALATION,
                        Set.of(Fixtures.PLUSTEAM),
                        Set.of(BSN, CASE_NOTES),
                        Duration.ofHours(72))))
                .isEmpty();
    }

    @Test
    void thePlusTeamMayNotOverrideToAskForTheFileItself() {
        // The organisation that will share declares; one asking for the data cannot lift its own bar.
        assertThat(codes(proposal(
                        Fixtures.PLUSTEAM,
                        Purpose.ESCALATION,
                        Set.of(Fixtures.PLUSTEAM),
                        Set.of(BSN),
                        RiskLevel.MIDDEN,
                        JUSTIFICATION,
                        Duration.ofHours(24))))
                .containsExactly(ReasonCode.OVERRIDE_SCOPE);
    }

    @Test
    void cbsMayNotDeclare() {
        assertThat(codes(
                        urgent(Fixtures.CBS, Purpose.MDO, Set.of(Fixtures.PLUSTEAM), Set.of(BSN), Duration.ofHours(1))))
                .contains(ReasonCode.OVERRIDE_DECLARER_NOT_ALLOWED);
    }

    @Test
    void everyFormalProblemIsReportedAtOnce() {
        List<Reason> reasons = RULES.check(proposal(
                Fixtures.WAALRE,
                Purpose.ESCALATION,
                Set.of(Fixtures.PLUSTEAM),
                Set.of(BSN),
                null,
                "  te kort  ",
                Duration.ofHours(73)));
        assertThat(reasons)
                .extracting(Reason::code)
                .containsExactly(
                        ReasonCode.OVERRIDE_JUSTIFICATION_TOO_SHORT,
                        ReasonCode.OVERRIDE_RISK_LEVEL_INVALID,
                        ReasonCode.OVERRIDE_DURATION_INVALID);
        assertThat(reasons.get(0).messageNl()).contains("ten minste 40 tekens; nu zijn het er 7");
        assertThat(reasons.get(2).messageEn()).contains("at most 72 hours; requested: 73 hours");
    }

    @Test
    void aZeroDurationIsRefused() {
        assertThat(codes(proposal(
                        Fixtures.WAALRE,
                        Purpose.ESCALATION,
                        Set.of(Fixtures.PLUSTEAM),
                        Set.of(BSN),
                        RiskLevel.HOOG,
                        JUSTIFICATION,
                        Duration.ZERO)))
                .containsExactly(ReasonCode.OVERRIDE_DURATION_INVALID);
    }

    @Test
    void anOverrideCannotAddHealthToAnMdo() {
        List<Reason> reasons = RULES.check(urgent(
                Fixtures.WAALRE, Purpose.MDO, Set.of(Fixtures.GI), Set.of(ASSESSMENT, HEALTH), Duration.ofHours(48)));
        assertThat(reasons).extracting(Reason::code).containsExactly(ReasonCode.OVERRIDE_SCOPE);
        assertThat(reasons.get(0).messageEn())
                .contains("health data (HEALTH) may not go to gi-intervence")
                .doesNotContain("(ASSESSMENT) may not go");
    }

    @Test
    void onlyOverridableFlowsCanBeOverridden() {
        // F2 (scaling down) needs consent and is not overridable; F4 needs no consent at all.
        assertThat(codes(urgent(
                        Fixtures.PLUSTEAM,
                        Purpose.DE_ESCALATION,
                        Set.of(Fixtures.GM),
                        Set.of(BSN),
                        Duration.ofHours(48))))
                .containsExactly(ReasonCode.OVERRIDE_SCOPE);
        assertThat(codes(urgent(
                        Fixtures.WAALRE, Purpose.ESCALATION, Set.of(Fixtures.CBS), Set.of(BSN), Duration.ofHours(48))))
                .containsExactly(ReasonCode.OVERRIDE_SCOPE);
    }

    @Test
    void unknownOrganisationsAndEmptyScopeAreRefused() {
        assertThat(codes(urgent("gemeente-elders", Purpose.MDO, Set.of(Fixtures.GI), Set.of(BSN), Duration.ofHours(1))))
                .containsExactly(ReasonCode.UNKNOWN_ORGANISATION);
        assertThat(codes(urgent(
                        Fixtures.WAALRE, Purpose.MDO, Set.of("gemeente-elders"), Set.of(BSN), Duration.ofHours(1))))
                .containsExactly(ReasonCode.UNKNOWN_ORGANISATION);
        assertThat(codes(urgent(Fixtures.WAALRE, Purpose.MDO, Set.of(), Set.of(), Duration.ofHours(1))))
                .containsExactly(ReasonCode.OVERRIDE_SCOPE);
    }

    // ---- the gateway's questions: who may declare (403), and which fields break a rule (422) ----

    private static final Duration LOCAL_MAX = Duration.ofHours(72);

    private static List<String> fields(OverrideProposal proposal) {
        return RULES.violations(proposal, LOCAL_MAX).stream()
                .map(v -> v.field() + " " + v.reason().code())
                .toList();
    }

    @Test
    void onlyAKnownOrganisationOfAnAllowedKindDeclares() {
        assertThat(RULES.checkDeclarer(Fixtures.org(Fixtures.WAALRE))).isEmpty();
        assertThat(RULES.checkDeclarer(Fixtures.org(Fixtures.CBS)))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEmpty();
                    assertThat(v.reason().code()).isEqualTo(ReasonCode.OVERRIDE_DECLARER_NOT_ALLOWED);
                });
        assertThat(RULES.checkDeclarer(Fixtures.org("gemeente-elders")))
                .extracting(v -> v.reason().code())
                .containsExactly(ReasonCode.UNKNOWN_ORGANISATION);
        // A proposal by such an organisation is answered with that alone.
        assertThat(fields(proposal(
                        Fixtures.CBS,
                        Purpose.MDO,
                        Set.of(Fixtures.PLUSTEAM),
                        Set.of(BSN),
                        null,
                        "kort",
                        Duration.ofHours(1))))
                .containsExactly(" OVERRIDE_DECLARER_NOT_ALLOWED");
    }

    @Test
    void eachFormalProblemNamesItsField() {
        assertThat(fields(proposal(
                        Fixtures.WAALRE,
                        Purpose.ESCALATION,
                        Set.of(Fixtures.PLUSTEAM),
                        Set.of(BSN),
                        null,
                        "  te kort  ",
                        Duration.ofHours(73))))
                .containsExactly(
                        "justification OVERRIDE_JUSTIFICATION_TOO_SHORT",
                        "riskLevel OVERRIDE_RISK_LEVEL_INVALID",
                        "durationHours OVERRIDE_DURATION_INVALID");
    }

    @Test
    void aNarrowerMaximumOfTheInstallationIsSaidInTheSameWords() {
        OverrideProposal fortyEight = urgent(
                Fixtures.WAALRE, Purpose.ESCALATION, Set.of(Fixtures.PLUSTEAM), Set.of(BSN), Duration.ofHours(48));
        assertThat(RULES.violations(fortyEight, Duration.ofHours(24)))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("durationHours");
                    assertThat(v.reason().messageEn()).contains("at most 24 hours; requested: 48 hours");
                });
        assertThat(RULES.violations(fortyEight, Duration.ofHours(48))).isEmpty();
        // Over the framework's maximum: that is what is said, once.
        OverrideProposal tooLong = urgent(
                Fixtures.WAALRE, Purpose.ESCALATION, Set.of(Fixtures.PLUSTEAM), Set.of(BSN), Duration.ofHours(73));
        assertThat(RULES.violations(tooLong, Duration.ofHours(24)))
                .singleElement()
                .satisfies(v -> assertThat(v.reason().messageEn()).contains("at most 72 hours; requested: 73 hours"));
    }

    @Test
    void theOrganisationThatSharesDeclares() {
        assertThat(fields(urgent(
                        Fixtures.WAALRE,
                        Purpose.ESCALATION,
                        Set.of(Fixtures.PLUSTEAM),
                        Set.of(BSN, CASE_NOTES),
                        Duration.ofHours(24))))
                .isEmpty();
        assertThat(fields(urgent(
                        Fixtures.PLUSTEAM,
                        Purpose.MDO,
                        Set.of(Fixtures.WAALRE),
                        Set.of(BSN, CASE_NOTES),
                        Duration.ofHours(24))))
                .isEmpty();
    }

    @Test
    void anOrganisationDoesNotDeclareAnOverrideForDataItWouldReceive() {
        assertThat(fields(urgent(
                        Fixtures.PLUSTEAM,
                        Purpose.ESCALATION,
                        Set.of(Fixtures.PLUSTEAM),
                        Set.of(BSN, CASE_NOTES),
                        Duration.ofHours(24))))
                .containsExactly("recipients OVERRIDE_SCOPE", "recipients[0] OVERRIDE_FOR_OWN_ORGANISATION");
        assertThat(fields(urgent(
                        Fixtures.GI,
                        Purpose.CHILD_PROTECTION,
                        Set.of(Fixtures.GI),
                        Set.of(BSN, PERSONALIA),
                        Duration.ofHours(24))))
                .contains("recipients[0] OVERRIDE_FOR_OWN_ORGANISATION");
        OverrideProposal vtNamesItself = new OverrideProposal(
                Fixtures.org(Fixtures.VT),
                Purpose.MDO,
                new LinkedHashSet<>(List.of(Fixtures.org(Fixtures.PLUSTEAM), Fixtures.org(Fixtures.VT))),
                Set.of(BSN, CASE_NOTES),
                RiskLevel.HOOG,
                JUSTIFICATION,
                Duration.ofHours(24));
        assertThat(fields(vtNamesItself)).contains("recipients[1] OVERRIDE_FOR_OWN_ORGANISATION");
        assertThat(RULES.violations(vtNamesItself, LOCAL_MAX))
                .filteredOn(v -> v.field().equals("recipients[1]"))
                .singleElement()
                .satisfies(v -> assertThat(v.reason().messageEn())
                        .isEqualTo("is your own organisation: a safety override is declared by the organisation that"
                                + " will share the data, for the organisations that receive it"));
    }

    @Test
    void aDeclarerThatIsNoHolderUnderAnOverridableFlowIsToldSoPerRecipient() {
        List<Violation> violations = RULES.violations(
                urgent(
                        Fixtures.PLUSTEAM,
                        Purpose.DE_ESCALATION,
                        Set.of(Fixtures.GM),
                        Set.of(BSN),
                        Duration.ofHours(48)),
                LOCAL_MAX);
        assertThat(violations).extracting(Violation::field).containsExactly("recipients", "recipients[0]");
        assertThat(violations.get(1).reason().code()).isEqualTo(ReasonCode.OVERRIDE_DECLARER_NOT_HOLDER);
        assertThat(violations.get(1).reason().messageEn())
                .isEqualTo("your organisation (plusteam) is not a holder under an overridable flow for DE_ESCALATION"
                        + " towards this recipient; a safety override is declared by the organisation that will share"
                        + " the data");
    }
}
