package nl.deelpoort.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class VocabularyTest {

    @ParameterizedTest
    @ValueSource(strings = {"999993653", "111222333", "123456782"})
    void acceptsBsnsPassingTheElevenCheck(String value) {
        assertThat(Bsn.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"999993654", "12345678", "1234567890", "12345678a", "000000000", " 99999365"})
    void refusesOtherBsns(String value) {
        assertThat(Bsn.isValid(value)).isFalse();
        assertThatThrownBy(() -> Bsn.of(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(value.strip());
    }

    @Test
    void aBsnNeverShowsItselfInText() {
        Bsn bsn = Bsn.of("999993653");
        assertThat(bsn.toString()).doesNotContain("999993653").doesNotContain("3653");
        assertThat("subject " + bsn).doesNotContain("999993653");
    }

    @Test
    void organisationIdsAreLowerCaseWordsWithHyphens() {
        assertThat(OrganisationId.of("gemeente-waalre").toString()).isEqualTo("gemeente-waalre");
        for (String bad : new String[] {"Gemeente-Waalre", "gemeente_waalre", "-plusteam", "plus--team", "", "a b"}) {
            assertThat(OrganisationId.isValid(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> OrganisationId.of(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void specialAndIdentifyingCategories() {
        Set<Category> special = EnumSet.noneOf(Category.class);
        Set<Category> identifying = EnumSet.noneOf(Category.class);
        for (Category c : Category.values()) {
            if (c.isSpecial()) {
                special.add(c);
            }
            if (c.isIdentifying()) {
                identifying.add(c);
            }
        }
        assertThat(Category.values()).hasSize(13);
        assertThat(special).containsExactly(Category.HEALTH, Category.JUSTICE);
        assertThat(identifying)
                .containsExactly(Category.BSN, Category.PERSONALIA, Category.CONTACT, Category.HOUSEHOLD);
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    /** Both languages of a code use the same placeholders, so no language silently loses a fact. */
    @ParameterizedTest
    @EnumSource(ReasonCode.class)
    void reasonTemplatesAgreeAcrossLanguages(ReasonCode code) {
        assertThat(code.templateNl()).isNotBlank();
        assertThat(code.templateEn()).isNotBlank().isNotEqualTo(code.templateNl());
        assertThat(placeholders(code.templateNl())).isEqualTo(placeholders(code.templateEn()));
    }

    private static Set<String> placeholders(String template) {
        Set<String> names = new java.util.TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void everyDomainReasonCodeExists() {
        assertThat(Arrays.stream(ReasonCode.values()).map(Enum::name))
                .contains(
                        "NO_FLOW",
                        "ROLE_NOT_HELD",
                        "CATEGORY_NOT_IN_FLOW",
                        "CONSENT_MISSING",
                        "CONSENT_WITHDRAWN",
                        "CONSENT_EXPIRED",
                        "CONSENT_SCOPE",
                        "MEASURE_MISSING",
                        "OVERRIDE_EXPIRED",
                        "OVERRIDE_SCOPE",
                        "PROCESSOR_CANNOT_RECEIVE",
                        "AGREEMENT_NOT_IN_FORCE",
                        "IDENTIFYING_NOT_ALLOWED",
                        "CONSENT_GIVER_NOT_COMPETENT");
    }

    @Test
    void requestsValidateThemselves() {
        DecisionRequest.Builder base = DecisionRequest.builder()
                .caller(OrganisationId.of("plusteam"), ActingRole.ADVISOR, "u")
                .holder(OrganisationId.of("plusteam"))
                .recipient(OrganisationId.of("gemeente-waalre"), ActingRole.MUNICIPAL_ACCESS)
                .purpose(Purpose.PROVISION_APPLICATION)
                .time(Fixtures.T);
        assertThatThrownBy(base::build).hasMessageContaining("at least one category");
        assertThatThrownBy(() -> base.categories(Category.BSN).subject(" ").build())
                .hasMessageContaining("subjectPseudonym");
        assertThatThrownBy(() -> new Caller(OrganisationId.of("plusteam"), ActingRole.ADVISOR, " "))
                .hasMessageContaining("userId");
    }
}
