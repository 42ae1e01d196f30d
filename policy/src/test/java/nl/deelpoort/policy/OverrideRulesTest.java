package nl.deelpoort.policy;

import static nl.deelpoort.policy.Category.ASSESSMENT;
import static nl.deelpoort.policy.Category.BSN;
import static nl.deelpoort.policy.Category.CASE_NOTES;
import static nl.deelpoort.policy.Category.HEALTH;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OverrideRulesTest {
    private static final OverrideRules RULES = new OverrideRules(Fixtures.FRAMEWORK);
    private static final String JUSTIFICATION =
            "Moeder meldt dat vader vannacht heeft gedreigd; kinderen zijn thuis en niet veilig.";

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
        assertThat(codes(proposal(
                        Fixtures.WAALRE,
                        Purpose.ESCALATION,
                        Set.of(Fixtures.PLUSTEAM),
                        Set.of(BSN, CASE_NOTES),
                        RiskLevel.HOOG,
                        JUSTIFICATION,
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
        assertThat(codes(proposal(
                        Fixtures.CBS,
                        Purpose.MDO,
                        Set.of(Fixtures.PLUSTEAM),
                        Set.of(BSN),
                        RiskLevel.HOOG,
                        JUSTIFICATION,
                        Duration.ofHours(1))))
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
        List<Reason> reasons = RULES.check(proposal(
                Fixtures.WAALRE,
                Purpose.MDO,
                Set.of(Fixtures.GI),
                Set.of(ASSESSMENT, HEALTH),
                RiskLevel.HOOG,
                JUSTIFICATION,
                Duration.ofHours(48)));
        assertThat(reasons).extracting(Reason::code).containsExactly(ReasonCode.OVERRIDE_SCOPE);
        assertThat(reasons.get(0).messageEn())
                .contains("health data (HEALTH) may not go to gi-intervence")
                .doesNotContain("(ASSESSMENT) may not go");
    }

    @Test
    void onlyOverridableFlowsCanBeOverridden() {
        // F2 (scaling down) needs consent and is not overridable; F4 needs no consent at all.
        assertThat(codes(proposal(
                        Fixtures.PLUSTEAM,
                        Purpose.DE_ESCALATION,
                        Set.of(Fixtures.GM),
                        Set.of(BSN),
                        RiskLevel.HOOG,
                        JUSTIFICATION,
                        Duration.ofHours(48))))
                .containsExactly(ReasonCode.OVERRIDE_SCOPE);
        assertThat(codes(proposal(
                        Fixtures.WAALRE,
                        Purpose.ESCALATION,
                        Set.of(Fixtures.CBS),
                        Set.of(BSN),
                        RiskLevel.HOOG,
                        JUSTIFICATION,
                        Duration.ofHours(48))))
                .containsExactly(ReasonCode.OVERRIDE_SCOPE);
    }

    @Test
    void unknownOrganisationsAndEmptyScopeAreRefused() {
        assertThat(codes(proposal(
                        "gemeente-elders",
                        Purpose.MDO,
                        Set.of(Fixtures.GI),
                        Set.of(BSN),
                        RiskLevel.HOOG,
                        JUSTIFICATION,
                        Duration.ofHours(1))))
                .containsExactly(ReasonCode.UNKNOWN_ORGANISATION);
        assertThat(codes(proposal(
                        Fixtures.WAALRE,
                        Purpose.MDO,
                        Set.of("gemeente-elders"),
                        Set.of(BSN),
                        RiskLevel.HOOG,
                        JUSTIFICATION,
                        Duration.ofHours(1))))
                .containsExactly(ReasonCode.UNKNOWN_ORGANISATION);
        assertThat(codes(proposal(
                        Fixtures.WAALRE,
                        Purpose.MDO,
                        Set.of(),
                        Set.of(),
                        RiskLevel.HOOG,
                        JUSTIFICATION,
                        Duration.ofHours(1))))
                .containsExactly(ReasonCode.OVERRIDE_SCOPE);
    }
}
