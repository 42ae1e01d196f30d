package nl.deelpoort.gateway.console.professional;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import nl.deelpoort.gateway.console.professional.ExchangeFormErrors.FormField;
import nl.deelpoort.gateway.web.InvalidField;
import org.junit.jupiter.api.Test;

class ExchangeFormErrorsTest {

    private static final List<String> FORM =
            List.of("purpose", "holder", "recipient", "senderRole", "categories", "bsn", "sections", "overrideId");

    private static List<FormField> fields(String actingRoleField, String... apiFields) {
        return ExchangeFormErrors.fields(
                Arrays.stream(apiFields)
                        .map(f -> new InvalidField(f, "is required"))
                        .toList(),
                actingRoleField,
                FORM);
    }

    @Test
    void everyApiPathLandsOnTheFormFieldItCameFrom() {
        assertThat(fields("holder", "subject.bsn", "purpose", "holderRole", "recipientRole", "overrideId"))
                .as("in the form's order, whatever the service's")
                .extracting(FormField::field)
                .containsExactly("purpose", "holder", "recipient", "bsn", "overrideId");
        assertThat(fields("holder", "subject"))
                .extracting(FormField::messageKey)
                .containsExactly("exchange.invalid.bsn");
    }

    @Test
    void theActingRoleIsTheSideTheViewerChoseTheirRoleOn() {
        assertThat(fields("recipient", "actingRole"))
                .extracting(FormField::field)
                .containsExactly("recipient");
        assertThat(fields("senderRole", "actingRole"))
                .extracting(FormField::field)
                .containsExactly("senderRole");
    }

    @Test
    void oneSentencePerFormFieldAndCheckboxGroupsLinkToTheirFirstBox() {
        List<FormField> f = fields("holder", "categories[0]", "categories[3]", "categories");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).anchor()).isEqualTo("category-BSN");
        assertThat(f.get(0).messageKey()).isEqualTo("exchange.invalid.categories");
    }

    @Test
    void aSectionIsNamedByItsCategoryAndAMissingPayloadByTheWholeGroup() {
        assertThat(fields("senderRole", "overrideId", "payload.CASE_NOTES{0}", "payload.SUPPORT_PLAN", "payload"))
                .containsExactly(
                        new FormField("section-CASE_NOTES", "section-CASE_NOTES", "exchange.invalid.section"),
                        new FormField("section-SUPPORT_PLAN", "section-SUPPORT_PLAN", "exchange.invalid.section"),
                        new FormField("sections", "section-BSN", "exchange.invalid.sections"),
                        new FormField("overrideId", "overrideId", "exchange.invalid.overrideId"));
    }

    @Test
    void aFieldNoFormHasGetsAGeneralSentence() {
        assertThat(fields("holder", "holder.somewhere", "body"))
                .extracting(FormField::field)
                .containsExactly("form", "holder");
    }
}
