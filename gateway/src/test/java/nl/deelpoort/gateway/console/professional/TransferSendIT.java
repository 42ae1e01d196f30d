package nl.deelpoort.gateway.console.professional;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.ConsoleBrowser;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestBsns;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * "Versturen" and the inbox in a real browser: a CMD professional sends an escalation to the
 * PlusTeam (flow F1, with the subject's consent recorded through the API), sees which sections will
 * be released before anything is sent, sends; a PlusTeam professional finds it in the inbox and
 * opens it, and the receipt is in the log for the PlusTeam's privacy officer. A push the service
 * refuses, posted anyway, is refused with its reasons and stores nothing. axe-core checks every
 * page shown.
 */
class TransferSendIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCmdSendsAnEscalationAndThePlusTeamOpensIt() {
        String bsn = TestBsns.freshBsn();
        consentToEscalation(bsn);
        String transferId;
        try (ConsoleBrowser bram = ConsoleBrowser.open(port)) {
            bram.login("bram.cmd-gm").go("/console/transfers/new").check("transfer-new");
            fill(bram, bsn, "ESCALATION");
            bram.fill("section-CASE_NOTES", "Gezin vraagt hulp bij schulden.\nAfspraak op dinsdag.");
            bram.fill("section-HEALTH", "GEHEIM-MEDISCH");
            bram.click(By.cssSelector("form.stacked button[type=submit]"));
            bram.waitFor(By.id("answer"));
            bram.check("transfer-check");
            assertThat(bram.main()).contains("Er is nog niets verstuurd naar GR PlusTeam (adviseur)");
            assertThat(bram.text(By.cssSelector("tr[data-category=CASE_NOTES]")))
                    .contains("Mag");
            assertThat(bram.text(By.cssSelector("tr[data-category=HEALTH]")))
                    .contains("Mag niet")
                    .contains("bijzondere categorie");
            assertThat(bram.driver().getCurrentUrl()).doesNotContain(bsn);

            bram.click(By.cssSelector("[data-testid=send]"));
            bram.waitFor(By.cssSelector("[data-testid=transfer-id]"));
            bram.check("transfer-sent");
            assertThat(bram.main()).contains("GR PlusTeam").contains("Gezondheidsgegevens");
            transferId = bram.text(By.cssSelector("[data-testid=transfer-id]"));
            assertThat(bram.driver().getCurrentUrl()).isEqualTo(bram.base() + "/console/transfers/sent");

            bram.driver().navigate().refresh();
            assertThat(bram.driver().getCurrentUrl())
                    .as("a reload after the send shows the form, it does not send again")
                    .isEqualTo(bram.base() + "/console/transfers/new");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM transfer WHERE id = :id::uuid")
                        .param("id", transferId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        long receipt;
        try (ConsoleBrowser anna = ConsoleBrowser.open(port)) {
            anna.login("anna.plusteam").go("/console/inbox").check("inbox");
            By row = By.cssSelector("tr[data-transfer='" + transferId + "']");
            assertThat(anna.text(row)).contains("Gemeente Geldrop-Mierlo").contains("Journaal");
            anna.click(By.cssSelector("tr[data-transfer='" + transferId + "'] a"));
            anna.waitFor(By.cssSelector("[data-testid=receipt-id]"));
            anna.check("inbox-transfer");
            assertThat(anna.main())
                    .contains("Gezin vraagt hulp bij schulden.")
                    .contains(bsn)
                    .contains("Journaal")
                    .doesNotContain("GEHEIM-MEDISCH")
                    .doesNotContain("{");
            receipt = Long.parseLong(anna.text(By.cssSelector("[data-testid=receipt-id]")));

            anna.go("/console/inbox");
            assertThat(anna.driver().findElements(row))
                    .as("opened, so no longer new")
                    .isEmpty();
        }

        JsonNode entry = api().get("/api/v1/log/entries/" + receipt, tokens().user("hanna.fg"))
                .json();
        assertThat(entry.path("redacted").asBoolean()).isFalse();
        assertThat(entry.path("entry").path("kind").asString()).isEqualTo("RECEIPT");
        assertThat(entry.path("entry").path("attributes").path("transferId").asString())
                .isEqualTo(transferId);
    }

    @Test
    void aPushTheServiceRefusesIsRefusedWhenPostedAnywayAndNothingIsStored() {
        int before = transfers();
        try (ConsoleBrowser bram = ConsoleBrowser.open(port)) {
            bram.login("bram.cmd-gm").go("/console/transfers/new");
            fill(bram, TestBsns.freshBsn(), "ESCALATION");
            bram.fill("section-CASE_NOTES", "Zonder toestemming.");
            bram.click(By.cssSelector("form.stacked button[type=submit]"));
            bram.waitFor(By.id("answer"));
            bram.check("transfer-check-refused");
            assertThat(bram.main()).contains("Mag niet").contains("toestemming");
            assertThat(bram.driver().findElements(By.cssSelector("[data-testid=send]")))
                    .as("nothing may be sent, so there is no send button")
                    .isEmpty();

            // Forced: the check page's form posted to the send anyway.
            ((JavascriptExecutor) bram.driver()).executeScript("document.getElementById('send-form').submit();");
            bram.waitFor(By.cssSelector("[data-testid=refusal]"));
            bram.check("transfer-refused");
            String refusal = bram.text(By.cssSelector("[data-testid=refusal]"));
            assertThat(refusal)
                    .contains("Dit mag niet worden gedeeld")
                    .contains("toestemming van de betrokkene")
                    .containsPattern("vastgelegd in het logboek onder nummer \\d+");
        }
        assertThat(transfers()).isEqualTo(before);
    }

    @Test
    void aTransferThatIsNotThereIsNotFoundInWordsAndALaterStepByGetStartsAgain() {
        try (ConsoleBrowser anna = ConsoleBrowser.open(port)) {
            anna.login("anna.plusteam").go("/console/inbox/00000000-0000-0000-0000-000000000000");
            anna.check("inbox-not-found");
            assertThat(anna.main()).contains("bestaat niet (meer) voor uw organisatie");
            anna.go("/console/inbox/not-a-transfer?lang=en");
            assertThat(anna.main()).contains("does not exist (any more) for your organisation");

            // The language switch on a later step is a GET: the form starts again, in English.
            anna.go("/console/transfers/check?lang=en");
            assertThat(anna.driver().getCurrentUrl()).isEqualTo(anna.base() + "/console/transfers/new");
            anna.check("transfer-new-en");
            assertThat(anna.main()).contains("Send data").contains("Step 1 of 3");
        }
    }

    /** Recipient PlusTeam as adviser, the BSN sent too; the CMD's only role is already chosen. */
    private static void fill(ConsoleBrowser browser, String bsn, String purpose) {
        new Select(browser.driver().findElement(By.id("recipient"))).selectByValue("plusteam:ADVISOR");
        assertThat(new Select(browser.driver().findElement(By.id("senderRole")))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"))
                .isEqualTo("MUNICIPAL_ACCESS");
        new Select(browser.driver().findElement(By.id("purpose"))).selectByValue(purpose);
        browser.fill("bsn", bsn);
        browser.click(By.id("section-BSN"));
    }

    /** The subject's consent to scaling up from Geldrop-Mierlo to the PlusTeam, recorded by the CMD. */
    private void consentToEscalation(String bsn) {
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("subject", Map.of("bsn", bsn, "birthDate", "1990-03-02"));
        consent.put("givenBy", List.of(Map.of("role", "SUBJECT")));
        consent.put("purposes", List.of("ESCALATION"));
        consent.put("recipients", List.of("plusteam"));
        consent.put("holders", List.of("gemeente-geldrop-mierlo"));
        consent.put("categories", List.of("BSN", "PERSONALIA", "CASE_NOTES"));
        consent.put("method", "WRITTEN");
        consent.put("evidenceReference", "scan-2026-0042");
        Api.Response r = api().post("/api/v1/consents", tokens().user("bram.cmd-gm"), Api.json(consent));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private int transfers() {
        return jdbc.sql("SELECT count(*) FROM transfer").query(Integer.class).single();
    }
}
