package nl.deelpoort.gateway.console.professional;

import static org.assertj.core.api.Assertions.assertThat;

import nl.deelpoort.gateway.support.ConsoleBrowser;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestBsns;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * "Mag ik dit delen?" in a real browser, as a CMD professional: an allowed question (flow F3, the
 * PlusTeam advising the municipality) and a refused one (F1 without consent), each answer with its
 * reasons, legal basis and the quoted sentences of the policy documents it rests on; the form's
 * error summary; and the English page, where those sentences stay Dutch and say so. axe-core checks
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
                    .contains("Samenwerkings- en verwerkersovereenkomst CMD - GR PlusTeam");
            assertThat(quote(browser, "000:L162"))
                    .contains("Persoonsgegevens benodigd voor de aanvraag worden uitgewisseld tussen PlusTeam en"
                            + " gemeenten.");
            assertThat(browser.text(By.cssSelector("#answer figure[data-ref='000:L162'] figcaption")))
                    .isEqualTo("Beleidsstuk 000, regel 162");
            assertThat(quote(browser, "000:L171"))
                    .as("the agreement's own sentences too")
                    .contains("Topicus geldt als “subverwerker”.");
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
                    .contains("Toestemming (art. 6 lid 1 sub a AVG)");
            assertThat(quote(browser, "000:L168"))
                    .startsWith("Persoonsgegevens worden met toestemming van de hulpvragers gedeeld bij het opschalen");
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
            assertThat(quote(browser, "000:L168"))
                    .as("the documents' words are not translated")
                    .contains("met toestemming");
            String outsideTheQuotes = browser.text(By.id("answer"));
            for (WebElement quote : browser.driver().findElements(By.cssSelector("#answer blockquote.quote"))) {
                outsideTheQuotes = outsideTheQuotes.replace(quote.getText(), "");
            }
            assertThat(outsideTheQuotes)
                    .contains("Not allowed")
                    .contains("consent")
                    .contains("Consent (GDPR art. 6(1)(a))")
                    .contains("quoted in Dutch")
                    .contains("Policy document 000, line 168")
                    .doesNotContain("toestemming");
        }
    }

    /** The quoted sentence of the policy documents at {@code ref}, checked to be marked as Dutch. */
    private static String quote(ConsoleBrowser browser, String ref) {
        WebElement quote =
                browser.driver().findElement(By.cssSelector("#answer figure[data-ref='" + ref + "'] blockquote.quote"));
        assertThat(quote.getDomAttribute("lang"))
                .as("a screen reader reads the quote as Dutch")
                .isEqualTo("nl");
        return quote.getText();
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
        browser.submitAndWait(By.cssSelector("form.stacked button[type=submit]"));
        browser.waitFor(By.id("content"));
    }
}
