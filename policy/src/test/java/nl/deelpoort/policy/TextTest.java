package nl.deelpoort.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rendering: a {@link Text.Part} written into a sentence gives the same words as the part filled
 * first, and the builder sized beforehand ({@code Text.length}) never cuts a value that is longer
 * than its estimate.
 */
class TextTest {
    private static final Text SCOPE_PURPOSE = Wording.of("CONSENT_SCOPE.purpose");
    private static final Text FROM = Wording.of("AGREEMENT_NOT_IN_FORCE.from");
    private static final Text FROM_UNTIL = Wording.of("AGREEMENT_NOT_IN_FORCE.fromUntil");
    private static final Text NO_ROUTE = Wording.of("NO_FLOW.noRoute");

    @Test
    void aPartInASentenceReadsAsThePartFilledFirst() {
        Object[] detail = {"purposes", EnumSet.of(Purpose.ESCALATION, Purpose.MDO), "purpose", Purpose.DE_ESCALATION};

        Reason inline =
                ReasonCode.CONSENT_SCOPE.reason("consent", "c-esc", "detail", SCOPE_PURPOSE.part(detail), "flow", "F2");
        Reason filled =
                ReasonCode.CONSENT_SCOPE.reason("consent", "c-esc", "detail", SCOPE_PURPOSE.fill(detail), "flow", "F2");

        assertThat(inline).isEqualTo(filled);
        assertThat(inline.messageEn())
                .isEqualTo("Consent c-esc does not cover this disclosure under flow F2: it is for scaling up to the"
                        + " PlusTeam (ESCALATION), multidisciplinary case meeting (MDO), not for scaling down to the"
                        + " access team (DE_ESCALATION).");
    }

    @Test
    void aListOfPartsWithDatesReadsAsTheListOfFilledParts() {
        LocalDate from = LocalDate.of(2025, 9, 1);
        LocalDate until = LocalDate.of(2026, 8, 31);
        Instant time = Instant.parse("2026-11-22T10:00:00Z");

        Reason inline = ReasonCode.AGREEMENT_NOT_IN_FORCE.reason(
                "flow",
                "F1",
                "agreement",
                "ovk",
                "time",
                time,
                "windows",
                List.of(FROM_UNTIL.part("from", from, "until", until), FROM.part("from", until)));
        Reason filled = ReasonCode.AGREEMENT_NOT_IN_FORCE.reason(
                "flow",
                "F1",
                "agreement",
                "ovk",
                "time",
                time,
                "windows",
                List.of(FROM_UNTIL.fill("from", from, "until", until), FROM.fill("from", until)));

        assertThat(inline).isEqualTo(filled);
        assertThat(inline.messageNl())
                .contains("van 1 september 2025 tot en met 31 augustus 2026, vanaf 31 augustus 2026");
    }

    @Test
    void aValueLongerThanItsEstimateIsWrittenWhole() {
        // Neither a word nor a text: counted as 32 characters when the builder is sized.
        StringBuilder longValue = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            longValue.append("organisation-").append(i).append(' ');
        }

        Text text = NO_ROUTE.fill("holder", longValue, "recipient", OrganisationId.of("plusteam"));

        assertThat(text.en()).isEqualTo("no flow at all lets " + longValue + " disclose data to plusteam.");
        assertThat(text.nl())
                .isEqualTo("er is geen enkele afspraak waarmee " + longValue + " gegevens verstrekt aan plusteam.");
    }
}
