package nl.deelpoort.gateway.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
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
    @ValueSource(strings = {"a", "-eindhoven", "Gemeente-Eindhoven", "gemeente_eindhoven", "gemeente eindhoven", ""})
    void idsOutsideThePatternAreRefused(String id) {
        assertThat(fields(new OnboardingRequest(id, "Gemeente Eindhoven", null)))
                .containsExactly("id");
    }

    @Test
    void idIsAtMost63Characters() {
        assertThat(new OnboardingRequest("a".repeat(63), "X", null).problems()).isEmpty();
        assertThat(fields(new OnboardingRequest("a".repeat(64), "X", null))).containsExactly("id");
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
