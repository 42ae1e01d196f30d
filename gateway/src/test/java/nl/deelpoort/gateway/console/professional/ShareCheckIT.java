package nl.deelpoort.gateway.console.professional;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import nl.deelpoort.gateway.support.ConsoleBrowser;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestBsns;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "Mag ik dit delen?" in a real browser, as a CMD professional: an allowed question (flow F3, the
 * PlusTeam advising the municipality) and a refused one (F1 without consent), each answer with its
 * reasons, legal basis and source; the form's error summary; and the English page. axe-core checks
 * every page shown.
 */
class ShareCheckIT extends IntegrationTest {

    private static final String PAGE = "/console/share-check";

    @Test
    void anAllowedAndARefusedQuestionAreExplained() {
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login("bram.cmd-gm").go(PAGE).check("share-check-form");
            assertThat(new Select(browser.driver().findElement(By.id("holder")))
                            .getFirstSelectedOption()
                            .getDomAttribute("value"))
                    .as("the viewer's own organisation is the holder when the form opens")
                    .isEqualTo("gemeente-geldrop-mierlo:MUNICIPAL_ACCESS");

            ask(
                    browser,
                    "PROVISION_APPLICATION",
                    "plusteam:ADVISOR",
                    "gemeente-geldrop-mierlo:MUNICIPAL_ACCESS",
                    TestBsns.freshBsn(),
                    "BSN",
                    "SUPPORT_PLAN");
            browser.check("share-check-allowed");
            String allowed = browser.text(By.id("answer"));
            assertThat(allowed)
                    .contains("Mag gedeeld worden")
                    .contains("F3")
                    .contains("Publieke taak")
                    .contains("Samenwerkings- en verwerkersovereenkomst CMD - GR PlusTeam")
                    .contains("000:L162");
            assertThat(browser.text(By.cssSelector("[data-testid=disclosure-id]")))
                    .as("a question about a person is logged")
                    .matches("\\d+");
            assertThat(browser.driver().getCurrentUrl())
                    .as("the BSN travels in the POST body only")
                    .isEqualTo(browser.base() + PAGE);

            ask(
                    browser,
                    "ESCALATION",
                    "gemeente-geldrop-mierlo:MUNICIPAL_ACCESS",
                    "plusteam:ADVISOR",
                    TestBsns.freshBsn(),
                    "BSN",
                    "CASE_NOTES",
                    "HEALTH");
            browser.check("share-check-refused");
            String refused = browser.text(By.id("answer"));
            assertThat(refused)
                    .contains("Mag niet")
                    .contains("toestemming van de betrokkene")
                    .contains("bijzondere categorie")
                    .contains("F1")
                    .contains("Toestemming (art. 6 lid 1 sub a AVG)")
                    .contains("000:L168");
            assertThat(browser.driver().findElements(By.cssSelector("tr[data-category=HEALTH] .badge-no")))
                    .hasSize(1);
        }
    }

    @Test
    void aFormWithoutChoicesNamesEachFieldInASummaryThatLinksToIt() {
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login("bram.cmd-gm").go(PAGE);
            browser.fill("bsn", "123456789");
            submit(browser);
            browser.check("share-check-errors");
            String summary = browser.text(By.cssSelector(".error-summary"));
            assertThat(summary)
                    .contains("Kies een doel.")
                    .contains("Kies wie de gegevens krijgt")
                    .contains("Kies minstens één soort gegeven.")
                    .contains("elfproef");
            assertThat(browser.driver().findElements(By.cssSelector(".error-summary a[href='#category-BSN']")))
                    .hasSize(1);
            assertThat(browser.driver().findElement(By.id("bsn")).getDomAttribute("aria-describedby"))
                    .isEqualTo("bsn-hint bsn-error");
        }
    }

    @Test
    void inEnglishTheRulesSpeakEnglishToo() {
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login("bram.cmd-gm").go(PAGE + "?lang=en").check("share-check-form-en");
            assertThat(browser.main()).contains("May I share this?");
            ask(
                    browser,
                    "ESCALATION",
                    "gemeente-geldrop-mierlo:MUNICIPAL_ACCESS",
                    "plusteam:CARE_PROVIDER",
                    TestBsns.freshBsn(),
                    "PERSONALIA");
            browser.check("share-check-refused-en");
            assertThat(browser.text(By.id("answer")))
                    .contains("Not allowed")
                    .contains("consent")
                    .contains("Consent (GDPR art. 6(1)(a))")
                    .doesNotContain("toestemming");
        }
    }

    private static void ask(
            ConsoleBrowser browser, String purpose, String holder, String recipient, String bsn, String... categories) {
        new Select(browser.driver().findElement(By.id("purpose"))).selectByValue(purpose);
        new Select(browser.driver().findElement(By.id("holder"))).selectByValue(holder);
        new Select(browser.driver().findElement(By.id("recipient"))).selectByValue(recipient);
        browser.driver()
                .findElements(By.cssSelector("input[name=categories]:checked"))
                .forEach(c -> c.click());
        for (String category : categories) {
            browser.click(By.id("category-" + category));
        }
        browser.fill("bsn", bsn);
        submit(browser);
        browser.waitFor(By.id("answer"));
    }

    /** Posts the form and waits until the answer page has replaced this one (an earlier answer included). */
    private static void submit(ConsoleBrowser browser) {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.click(By.cssSelector("form.stacked button[type=submit]"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
        browser.waitFor(By.id("content"));
    }
}
