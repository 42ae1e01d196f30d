package nl.deelpoort.gateway.console.professional;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.deelpoort.gateway.console.professional.ExchangeChoices.Option;
import nl.deelpoort.gateway.console.professional.ExchangeChoices.Party;
import nl.deelpoort.gateway.console.professional.ExchangeChoices.PartyRole;
import nl.deelpoort.gateway.decision.ExchangeQuestion;
import nl.deelpoort.gateway.exchange.ExchangeRequests;
import nl.deelpoort.policy.FrameworkLoader;
import nl.deelpoort.policy.OrganisationId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The exchange forms turned into the API's bodies, and the choices they offer. */
class ExchangeFormsTest {

    private static final OrganisationId CMD = OrganisationId.of("gemeente-geldrop-mierlo");
    private static final ExchangeChoices CHOICES =
            ExchangeChoices.of(FrameworkLoader.loadDefault(), PolicyWords.of(Locale.forLanguageTag("nl")));

    @Test
    void eachOrganisationOffersOnlyTheRolesItHoldsAndAProcessorNone() {
        Party plusteam = CHOICES.parties().stream()
                .filter(p -> p.organisation().equals("plusteam"))
                .findFirst()
                .orElseThrow();
        assertThat(plusteam.roles())
                .extracting(PartyRole::value)
                .containsExactly("plusteam:ADVISOR", "plusteam:CARE_PROVIDER");
        assertThat(plusteam.roles().get(0).label()).isEqualTo("GR PlusTeam – adviseur");
        assertThat(CHOICES.parties()).extracting(Party::organisation).doesNotContain("topicus");
        assertThat(CHOICES.partiesExcept(CMD)).extracting(Party::organisation).doesNotContain(CMD.value());
        assertThat(CHOICES.rolesOf(CMD)).containsExactly(new Option("MUNICIPAL_ACCESS", "Gemeentelijke toegang"));
        assertThat(CHOICES.firstSideOf(CMD)).contains("gemeente-geldrop-mierlo:MUNICIPAL_ACCESS");
    }

    @Test
    void theViewerActsInTheRoleOfTheirOwnSide() {
        ShareCheckForm asRecipient = new ShareCheckForm(
                "PROVISION_APPLICATION",
                "plusteam:ADVISOR",
                "gemeente-geldrop-mierlo:MUNICIPAL_ACCESS",
                List.of("BSN", "SUPPORT_PLAN"),
                " 999993653 ",
                "");
        ExchangeQuestion.Body body = asRecipient.body(CMD);
        assertThat(asRecipient.ownSide(CMD)).isEqualTo("recipient");
        assertThat(body.actingRole()).isEqualTo("MUNICIPAL_ACCESS");
        assertThat(body.holder()).isEqualTo("plusteam");
        assertThat(body.holderRole()).isEqualTo("ADVISOR");
        assertThat(body.recipientRole()).isEqualTo("MUNICIPAL_ACCESS");
        assertThat(body.subject().bsn()).isEqualTo("999993653");
        assertThat(body.categories()).extracting(JsonNode::stringValue).containsExactly("BSN", "SUPPORT_PLAN");
        assertThat(body.overrideId()).isNull();

        ShareCheckForm asHolder = new ShareCheckForm(
                "ESCALATION", "gemeente-geldrop-mierlo:MUNICIPAL_ACCESS", "plusteam:ADVISOR", List.of(), "", null);
        assertThat(asHolder.ownSide(CMD)).isEqualTo("holder");
        assertThat(asHolder.body(CMD).actingRole()).isEqualTo("MUNICIPAL_ACCESS");
        assertThat(asHolder.body(CMD).subject())
                .as("no BSN: a general question")
                .isNull();
        assertThat(asHolder.body(CMD).categories())
                .as("none chosen: the service names it")
                .isNull();
    }

    @Test
    void anEmptyFormLeavesEveryFieldForTheServiceToName() {
        ExchangeQuestion.Body body = new ShareCheckForm(null, null, null, null, null, null).body(CMD);
        assertThat(body.purpose()).isNull();
        assertThat(body.actingRole()).isNull();
        assertThat(body.holder()).isNull();
        assertThat(body.recipient()).isNull();
    }

    @Test
    void aPushSendsTheTypedTextsAndTheBsnOnlyWhenAsked() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("CASE_NOTES", "Gezin vraagt hulp.\nTweede regel.");
        sections.put("HEALTH", "  ");
        TransferForm form = new TransferForm(
                "plusteam:ADVISOR", "MUNICIPAL_ACCESS", "ESCALATION", "999993653", "true", sections, null);
        ExchangeRequests.TransferBody body = form.body();
        assertThat(body.recipient()).isEqualTo("plusteam");
        assertThat(body.recipientRole()).isEqualTo("ADVISOR");
        assertThat(body.actingRole()).isEqualTo("MUNICIPAL_ACCESS");
        assertThat(body.payload().keySet()).containsExactly("BSN", "CASE_NOTES");
        assertThat(body.payload().get("BSN").stringValue()).isEqualTo("999993653");
        assertThat(body.payload().get("CASE_NOTES").stringValue()).isEqualTo("Gezin vraagt hulp.\nTweede regel.");
        assertThat(form.filled()).containsOnlyKeys("CASE_NOTES");

        TransferForm withoutBsn = new TransferForm(
                "plusteam:ADVISOR", "MUNICIPAL_ACCESS", "ESCALATION", "999993653", null, sections, null);
        assertThat(withoutBsn.body().payload().keySet()).containsExactly("CASE_NOTES");
        assertThat(TransferForm.empty(java.util.Optional.empty()).body().payload())
                .as("nothing typed: the service names the missing payload")
                .isEmpty();
    }
}
