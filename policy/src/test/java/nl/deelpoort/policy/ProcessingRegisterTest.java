package nl.deelpoort.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProcessingRegisterTest {

    @Test
    void describesEveryFlowInForce() {
        ProcessingRegister register = ProcessingRegister.of(Fixtures.FRAMEWORK, LocalDate.of(2026, 11, 22));
        Map<String, ProcessingRegister.Processing> byFlow = register.processings().stream()
                .collect(Collectors.toMap(ProcessingRegister.Processing::flowId, Function.identity()));
        assertThat(byFlow).hasSize(12);
        assertThat(register.policyVersion()).isEqualTo(Fixtures.FRAMEWORK.policyVersion());

        ProcessingRegister.Processing escalation = byFlow.get("F1");
        assertThat(escalation.controllers())
                .extracting(OrganisationId::value)
                .containsExactly("gemeente-geldrop-mierlo", "gemeente-waalre", "plusteam");
        assertThat(escalation.subProcessors()).extracting(OrganisationId::value).containsExactly("topicus");
        assertThat(escalation.purpose()).isEqualTo(Purpose.ESCALATION);
        assertThat(escalation.legalBasis()).isEqualTo(LegalBasis.CONSENT);
        assertThat(escalation.recipients()).extracting(OrganisationId::value).containsExactly("plusteam");
        assertThat(escalation.recipientKinds()).containsExactly(OrganisationKind.SOCIAL_TEAM);
        assertThat(escalation.retention()).isEqualTo(Period.ofYears(20));
        assertThat(escalation.specialCategories()).isEmpty();

        ProcessingRegister.Processing investigation = byFlow.get("F6");
        assertThat(investigation.specialCategories()).containsExactly(Category.HEALTH);
        assertThat(investigation.recipients()).extracting(OrganisationId::value).containsExactly("veilig-thuis");

        ProcessingRegister.Processing mdo = byFlow.get("F10");
        assertThat(mdo.recipientKinds())
                .containsExactlyInAnyOrder(
                        OrganisationKind.MUNICIPALITY,
                        OrganisationKind.SOCIAL_TEAM,
                        OrganisationKind.ACCESS_ORGANISATION,
                        OrganisationKind.CERTIFIED_INSTITUTION,
                        OrganisationKind.SAFETY_CENTRE);
        assertThat(register.processings())
                .allSatisfy(p -> assertThat(p.recipients())
                        .extracting(OrganisationId::value)
                        .doesNotContain("topicus"));
    }

    @Test
    void leavesOutFlowsWhoseAgreementIsNotInForce() {
        ProcessingRegister register = ProcessingRegister.of(Fixtures.FRAMEWORK, LocalDate.of(2028, 6, 1));
        // The PlusTeam agreement runs to the end of 2027; F1-F4 drop out of the register after it.
        assertThat(register.processings())
                .extracting(ProcessingRegister.Processing::flowId)
                .containsExactly("F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12");
        assertThat(ProcessingRegister.of(Fixtures.FRAMEWORK, LocalDate.of(2023, 1, 1))
                        .processings())
                .isEmpty();
    }
}
