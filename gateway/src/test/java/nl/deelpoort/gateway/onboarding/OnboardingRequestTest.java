package nl.deelpoort.gateway.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.policy.OrganisationId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OnboardingRequestTest {

    @Test
    void aWellFormedRequestPassesWithOrWithoutDomain() {
        assertThat(new OnboardingRequest("gemeente-eindhoven", "Gemeente Eindhoven", "eindhoven.nl").problems())
                .isEmpty();
        assertThat(new OnboardingRequest("gemeente-eindhoven", "Gemeente Eindhoven", null).problems())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-eindhoven",
                "eindhoven-", // accepted by the old onboarding pattern, refused as a caller's organisation: 500s
                "gemeente--eindhoven",
                "Gemeente-Eindhoven",
                "gemeente_eindhoven",
                "gemeente eindhoven",
                ""
            })
    void idsThatAreNoOrganisationIdAreRefused(String id) {
        assertThat(fields(new OnboardingRequest(id, "Gemeente Eindhoven", null)))
                .containsExactly("id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "cbs", "gemeente-eindhoven", "gr-plusteam-2"})
    void everyOrganisationIdIsAccepted(String id) {
        assertThat(OrganisationId.isValid(id)).isTrue();
        assertThat(new OnboardingRequest(id, "X", null).problems()).isEmpty();
    }

    @Test
    void idIsAtMost64CharactersAsAnOrganisationId() {
        assertThat(new OnboardingRequest("a".repeat(64), "X", null).problems()).isEmpty();
        assertThat(fields(new OnboardingRequest("a".repeat(65), "X", null))).containsExactly("id");
    }

    @Test
    void theIdRuleDoesNotRepeatTheId() {
        assertThat(new OnboardingRequest("999993653-", "X", null).problems())
                .singleElement()
                .satisfies(f -> assertThat(f.problem()).doesNotContain("999993653"));
    }

    @Test
    void nameIsRequiredAndAtMost200Characters() {
        assertThat(fields(new OnboardingRequest("cbs-2", null, null))).containsExactly("name");
        assertThat(fields(new OnboardingRequest("cbs-2", "  ", null))).containsExactly("name");
        assertThat(new OnboardingRequest("cbs-2", "n".repeat(200), null).problems())
                .isEmpty();
        assertThat(fields(new OnboardingRequest("cbs-2", "n".repeat(201), null)))
                .containsExactly("name");
    }

    @Test
    void aDomainMustBeADomainName() {
        assertThat(fields(new OnboardingRequest("cbs-2", "CBS", "not a domain")))
                .containsExactly("domain");
    }

    @Test
    void everyBrokenRuleIsNamedAtOnce() {
        assertThatThrownBy(() -> new OnboardingRequest(null, null, "x").validated())
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.fields())
                                .extracting(InvalidField::field)
                                .containsExactly("id", "name", "domain"));
    }

    @Test
    void theSystemClientIsNamedAfterTheId() {
        assertThat(new OnboardingRequest("gemeente-eindhoven", "Gemeente Eindhoven", null).systemClientId())
                .isEqualTo("gemeente-eindhoven-system");
    }

    private static List<String> fields(OnboardingRequest request) {
        return request.problems().stream().map(InvalidField::field).toList();
    }
}
