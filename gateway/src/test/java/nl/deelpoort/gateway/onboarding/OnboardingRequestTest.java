package nl.deelpoort.gateway.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import java.util.List;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import nl.deelpoort.policy.OrganisationId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OnboardingRequestTest {

    private static final RequestValidator VALIDATOR =
            new RequestValidator(Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void aWellFormedRequestPassesWithOrWithoutDomain() {
        assertThat(problems(new OnboardingRequest("gemeente-eindhoven", "Gemeente Eindhoven", "eindhoven.nl")))
                .isEmpty();
        assertThat(problems(new OnboardingRequest("gemeente-eindhoven", "Gemeente Eindhoven", null)))
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
        assertThat(problems(new OnboardingRequest(id, "X", null))).isEmpty();
    }

    @Test
    void idIsAtMost64CharactersAsAnOrganisationId() {
        assertThat(problems(new OnboardingRequest("a".repeat(64), "X", null))).isEmpty();
        assertThat(fields(new OnboardingRequest("a".repeat(65), "X", null))).containsExactly("id");
    }

    @Test
    void theIdRuleDoesNotRepeatTheId() {
        assertThat(problems(new OnboardingRequest("999993653-", "X", null)))
                .singleElement()
                .satisfies(f -> assertThat(f.problem()).doesNotContain("999993653"));
    }

    @Test
    void nameIsRequiredAndAtMost200Characters() {
        assertThat(fields(new OnboardingRequest("cbs-2", null, null))).containsExactly("name");
        assertThat(fields(new OnboardingRequest("cbs-2", "  ", null))).containsExactly("name");
        assertThat(problems(new OnboardingRequest("cbs-2", "n".repeat(200), null)))
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
        assertThatThrownBy(() -> VALIDATOR.valid(new OnboardingRequest(null, null, "x")))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.fields())
                                .extracting(InvalidField::field)
                                .containsExactly("id", "name", "domain"));
    }

    @Test
    void theSystemClientIsNamedAfterTheId() {
        assertThat(new OnboardingRequest("gemeente-eindhoven", "Gemeente Eindhoven", null)
                        .command()
                        .systemClientId())
                .isEqualTo("gemeente-eindhoven-system");
    }

    private static List<InvalidField> problems(OnboardingRequest request) {
        return VALIDATOR.problems(request);
    }

    private static List<String> fields(OnboardingRequest request) {
        return problems(request).stream().map(InvalidField::field).toList();
    }
}
