package nl.deelpoort.gateway.console.professional;

import static nl.deelpoort.gateway.console.professional.GroundPages.bornYearsAgo;
import static nl.deelpoort.gateway.console.professional.GroundPages.byTestId;
import static nl.deelpoort.gateway.console.professional.GroundPages.choose;
import static nl.deelpoort.gateway.console.professional.GroundPages.date;
import static nl.deelpoort.gateway.console.professional.GroundPages.error;
import static nl.deelpoort.gateway.console.professional.GroundPages.submit;
import static nl.deelpoort.gateway.console.professional.GroundPages.summary;
import static nl.deelpoort.gateway.console.professional.GroundPages.tick;
import static nl.deelpoort.gateway.console.professional.GroundPages.today;
import static nl.deelpoort.gateway.console.professional.GroundPages.waitForText;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.ConsoleBrowser;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestBsns;
import nl.deelpoort.policy.ConsentGiverRole;
import nl.deelpoort.policy.ConsentGiverRules;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The consent pages in a real browser against the real stack: a CMD professional records consent for
 * a 14-year-old, is refused with the policy's own sentence while only the mother consented, records
 * it with the child and the mother, finds it and withdraws it; the decisions through the JSON API
 * follow. axe-core checks every state of the pages.
 */
class ConsentPagesIT extends IntegrationTest {

    private static final String BRAM = "bram.cmd-gm";

    @Autowired
    ConsentGiverRules giverRules;

    @Test
    void aCmdProfessionalRecordsConsentOfAMinorWithTheChildAndTheMotherAndWithdrawsIt() {
        String bsn = TestBsns.freshBsn();
        LocalDate born = bornYearsAgo(14);
        String jointRule = giverRules.ageBands().get(1).nl();
        String motherAloneRefused = giverRules
                .check(born, List.of(ConsentGiverRole.PARENT_WITH_AUTHORITY), today())
                .get(0)
                .messageNl();

        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login(BRAM).go("/console/consents").check("consent-form");
            assertThat(browser.main()).as("the form shows the 12-15 rule").contains(jointRule);

            browser.fill("bsn", bsn);
            date(browser, "birthDate", born);
            choose(browser, "giverRole-0", "PARENT_WITH_AUTHORITY");
            browser.fill("giverName-0", "M. de Vries");
            String live = waitForText(browser, By.id("giver-check"), t -> t.contains(motherAloneRefused));
            assertThat(live).as("which rule applies, while typing").contains(jointRule);
            assertThat(browser.text(By.cssSelector("#age-bands li.applies"))).contains(jointRule);
            browser.check("consent-form-mother-alone");
            tick(browser, "purposes-ESCALATION");
            tick(browser, "recipients-plusteam");
            tick(browser, "holders-gemeente-geldrop-mierlo");
            for (String category : List.of("BSN", "PERSONALIA", "CASE_NOTES")) {
                tick(browser, "categories-" + category);
            }
            tick(browser, "method-WRITTEN");
            browser.fill("evidenceReference", "scan-2026-0042");
            submit(browser, "/console/consents");

            assertThat(error(browser, "givenBy"))
                    .as("the policy's sentence, by the givers")
                    .isEqualTo(motherAloneRefused);
            assertThat(summary(browser)).contains(motherAloneRefused);
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".error-summary a"))
                            .getAttribute("href"))
                    .endsWith("#givenBy");
            assertThat(browser.text(By.cssSelector("#age-bands li.applies"))).contains(jointRule);
            assertThat(browser.driver()
                            .findElement(By.id("purposes-ESCALATION"))
                            .isSelected())
                    .as("what was filled in stays")
                    .isTrue();
            browser.check("consent-refused");

            choose(browser, "giverRole-0", "SUBJECT");
            browser.fill("giverName-0", "Sanne");
            choose(browser, "giverRole-1", "PARENT_WITH_AUTHORITY");
            browser.fill("giverName-1", "M. de Vries");
            waitForText(browser, By.id("giver-check"), t -> t.contains("mogen samen deze toestemming geven"));
            submit(browser, "/console/consents");

            assertThat(byTestId(browser, "outcome")).contains("vastgelegd");
            assertThat(byTestId(browser, "status")).isEqualTo("geldt");
            assertThat(byTestId(browser, "validity")).contains(String.valueOf(today().getYear()));
            String consentId = byTestId(browser, "consent-id");
            assertThat(byTestId(browser, "disclosure-id")).containsOnlyDigits();
            assertThat(browser.main()).contains("Sanne", "M. de Vries");
            browser.check("consent-recorded");

            JsonNode permitted = evaluate(bsn);
            assertThat(permitted.path("decision").asString()).isEqualTo("PERMIT");
            assertThat(permitted.path("consentId").asString()).isEqualTo(consentId);

            browser.go("/console/consents/search").check("consent-search");
            browser.fill("bsn", bsn);
            submit(browser, "/console/consents/search");
            assertThat(byTestId(browser, "found")).isEqualTo("1 toestemming gevonden.");
            assertThat(browser.text(By.cssSelector("[data-testid=consents] tbody")))
                    .contains("geldt");
            assertThat(browser.driver().getCurrentUrl()).doesNotContain(bsn);
            browser.check("consent-search-result");

            browser.click(By.cssSelector("[data-testid=consents] tbody a"));
            assertThat(byTestId(browser, "consent-id")).isEqualTo(consentId);
            choose(browser, "withdrawnBy", "PARENT_WITH_AUTHORITY");
            browser.fill("reason", "Moeder trekt de toestemming in na het gesprek.");
            submit(browser, "/withdrawal");

            assertThat(byTestId(browser, "outcome")).contains("ingetrokken");
            assertThat(byTestId(browser, "status")).isEqualTo("ingetrokken");
            assertThat(browser.text(By.tagName("table"))).contains("ingetrokken", "Moeder trekt de toestemming in");
            assertThat(browser.driver().findElements(By.id("reason")))
                    .as("nothing left to withdraw")
                    .isEmpty();
            browser.check("consent-withdrawn");
        }

        JsonNode after = evaluate(bsn);
        assertThat(after.path("decision").asString())
                .as("no longer allowed on the consent")
                .isEqualTo("DENY");
        assertThat(codes(after)).contains("CONSENT_WITHDRAWN");
    }

    @Test
    void aRefusalAndTheRulesAreShownInEnglishToWhoChoseIt() {
        LocalDate born = bornYearsAgo(9);
        String refused = giverRules
                .check(born, List.of(ConsentGiverRole.SUBJECT), today())
                .get(0)
                .messageEn();
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login(BRAM).go("/console/consents?lang=en");
            assertThat(browser.main()).contains(giverRules.ageBands().get(0).en());
            submit(browser, "/console/consents");
            assertThat(summary(browser)).startsWith("There are");
            assertThat(error(browser, "bsn")).isEqualTo("Enter a BSN: 9 digits that pass the 11-check.");
            assertThat(error(browser, "purposes")).isEqualTo("Choose at least one purpose.");
            assertThat(error(browser, "method")).isEqualTo("Choose how consent was given.");
            browser.check("consent-empty-refused-en");

            browser.fill("bsn", TestBsns.freshBsn());
            date(browser, "birthDate", born);
            choose(browser, "giverRole-0", "SUBJECT");
            tick(browser, "purposes-ESCALATION");
            tick(browser, "recipients-plusteam");
            tick(browser, "holders-gemeente-geldrop-mierlo");
            tick(browser, "categories-BSN");
            tick(browser, "method-VERBAL");
            submit(browser, "/console/consents");
            assertThat(error(browser, "givenBy")).isEqualTo(refused);
            assertThat(summary(browser)).startsWith("There is 1 error").contains(refused);
            browser.check("consent-refused-en");
        }
    }

    @Test
    void aBsnThatFailsTheElevenCheckIsRefusedOnTheSearchForm() {
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login(BRAM).go("/console/consents/search");
            browser.fill("bsn", "123456789");
            submit(browser, "/console/consents/search");
            assertThat(error(browser, "bsn")).contains("elfproef");
            assertThat(browser.driver().findElements(By.cssSelector("[data-testid=found]")))
                    .isEmpty();
            browser.check("consent-search-refused");
        }
    }

    private JsonNode evaluate(String bsn) {
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("subject", Map.of("bsn", bsn));
        question.put("purpose", "ESCALATION");
        question.put("actingRole", "MUNICIPAL_ACCESS");
        question.put("holder", "gemeente-geldrop-mierlo");
        question.put("recipient", "plusteam");
        question.put("recipientRole", "ADVISOR");
        question.put("categories", List.of("BSN", "PERSONALIA", "CASE_NOTES"));
        Api.Response r = api().post("/api/v1/decisions/evaluate", tokens().user(BRAM), Api.json(question));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> codes(JsonNode decision) {
        List<String> codes = new ArrayList<>();
        decision.path("reasons").forEach(r -> codes.add(r.path("code").asString()));
        decision.path("withheld")
                .forEach(w ->
                        w.path("reasons").forEach(r -> codes.add(r.path("code").asString())));
        return codes;
    }
}
