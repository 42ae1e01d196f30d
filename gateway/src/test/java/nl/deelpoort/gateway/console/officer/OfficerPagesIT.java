package nl.deelpoort.gateway.console.officer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import nl.deelpoort.gateway.support.ConsoleBrowser;
import nl.deelpoort.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The privacy officer's pages in a real browser, as gert.fg of gemeente-geldrop-mierlo, on what a
 * professional of his organisation did through the API ({@link OfficerFixtures}): the log with its
 * filters, pages and an entry verified against the signed checkpoint; the review queue; the sample
 * opening into a timeline; a timeline by BSN; statistics with charts and tables; integrity; the
 * framework and register. axe-core checks every page shown, and no address ever holds the BSN.
 */
class OfficerPagesIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theLogFiltersPagesAndVerifiesAnEntryWithoutTheBsnInAnyAddress() {
        OfficerFixtures.Scenario s = OfficerFixtures.geldropMierloCaseMeeting(api(), tokens(), jdbc);
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login(OfficerFixtures.OFFICER).go("/console/log").check("officer-log");
            assertThat(browser.main()).contains("Logboek", "Gemeente Geldrop-Mierlo");

            // By subject: the BSN goes in the POST body, two items a page.
            browser.fill("bsn", s.bsn()).fill("size", "2");
            browser.click(By.cssSelector("form.filters button[type=submit]"));
            browser.waitFor(By.id("results-title"));
            browser.check("officer-log-subject");
            assertThat(seqs(browser)).containsExactly(s.seqs().get(3), s.seqs().get(2));
            assertThat(browser.main()).contains("U ziet item 1 tot en met 2", "Er zijn meer items");
            assertNoBsnInAddress(browser, s);

            browser.click(By.xpath("//nav[contains(@class,'pager')]//button[contains(., 'Volgende pagina')]"));
            browser.awaitMain("U ziet item 3 tot en met 4", Duration.ofSeconds(20));
            browser.check("officer-log-subject-page-2");
            assertThat(seqs(browser)).containsExactly(s.seqs().get(1), s.seqs().get(0));
            assertThat(browser.main()).doesNotContain("Er zijn meer items");
            assertNoBsnInAddress(browser, s);

            // Filters that are no personal data go to the address; the form's POST moves them there.
            browser.go("/console/log");
            new Select(browser.driver().findElement(By.id("kind"))).selectByValue("OVERRIDE_DECLARED");
            new Select(browser.driver().findElement(By.id("purpose"))).selectByValue("MDO");
            browser.fill("overrideId", s.overrideId());
            browser.click(By.cssSelector("form.filters button[type=submit]"));
            browser.waitFor(By.id("results-title"));
            browser.check("officer-log-filtered");
            assertThat(browser.driver().getCurrentUrl())
                    .contains("kind=OVERRIDE_DECLARED", "purpose=MDO", "overrideId=" + s.overrideId());
            assertThat(seqs(browser)).containsExactly(s.overrideSeq());
            assertThat(browser.main()).contains("Veiligheidsdoorbraak vastgelegd", "multidisciplinair overleg");

            browser.go("/console/log?size=0&to=2020-01-01&from=2021-01-01").check("officer-log-errors");
            assertThat(browser.text(By.cssSelector(".error-summary")))
                    .contains("De periode moet eindigen na de eerste dag", "Vul een aantal in van 1 tot en met 200");
            assertThat(browser.driver().findElements(By.id("results-title"))).isEmpty();

            // An entry in full, its inclusion proved against the latest signed checkpoint (signed every 5 s).
            String verdict = awaitInclusion(browser, s.overrideSeq());
            assertThat(verdict).startsWith("geverifieerd").contains("controlepunt");
            browser.check("officer-entry");
            assertThat(browser.main())
                    .contains("Logboekitem " + s.overrideSeq(), "Veiligheidsdoorbraak vastgelegd", s.reference())
                    .contains(s.overrideId())
                    .doesNotContain(s.bsn());
        }
    }

    @Test
    void anOverrideIsReviewedWithANoteFromTheQueue() {
        OfficerFixtures.Scenario s = OfficerFixtures.geldropMierloCaseMeeting(api(), tokens(), jdbc);
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login(OfficerFixtures.OFFICER).go("/console/reviews").check("officer-reviews");
            WebElement card = card(browser, s);
            assertThat(card.getText())
                    .contains("Doorbraak door " + OfficerFixtures.PROFESSIONAL)
                    .contains("Gemeente Geldrop-Mierlo (CMD)")
                    .contains(s.reference())
                    .contains(OfficerFixtures.JUSTIFICATION)
                    .contains("hoog", "stap 2 van de meldcode", "Gecertificeerde Instelling Intervence")
                    .containsPattern("\\d+ minuten? geleden|zojuist")
                    .doesNotContain(s.bsn());

            // Without verdict or note the service's rules refuse; the form says so at its fields.
            card.findElement(By.cssSelector("form.review button[type=submit]")).click();
            browser.waitFor(By.cssSelector(".error-summary"));
            browser.check("officer-reviews-errors");
            assertThat(browser.text(By.cssSelector(".error-summary")))
                    .contains("Kies of de doorbraak terecht of onterecht was", "Schrijf een toelichting");

            browser.click(By.id("verdict-" + s.overrideId()));
            browser.fill("note-" + s.overrideId(), "Terecht: acuut risico voor de kinderen, meldcode gevolgd.");
            card(browser, s)
                    .findElement(By.cssSelector("form.review button[type=submit]"))
                    .click();
            browser.waitFor(By.cssSelector("[data-testid=reviewed]"));
            browser.check("officer-reviews-done");
            assertThat(browser.text(By.cssSelector("[data-testid=reviewed]"))).contains("terecht");
            assertThat(browser.driver().findElements(By.id("verdict-" + s.overrideId())))
                    .as("no longer waiting for review")
                    .isEmpty();

            browser.go("/console/reviews?view=JUSTIFIED").check("officer-reviews-justified");
            assertThat(card(browser, s).getText()).contains("Beoordeeld als terecht", "acuut risico");
        }
        assertThat(jdbc.queryForObject(
                        "SELECT verdict FROM override_review WHERE override_id = ?::uuid",
                        String.class,
                        s.overrideId()))
                .isEqualTo("JUSTIFIED");
    }

    @Test
    void aSampledSubjectOpensIntoItsTimelineAndATimelineCanBeAskedByBsn() {
        OfficerFixtures.Scenario s = OfficerFixtures.geldropMierloCaseMeeting(api(), tokens(), jdbc);
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login(OfficerFixtures.OFFICER).go("/console/sample").check("officer-sample-form");
            browser.fill("size", "200");
            browser.click(By.cssSelector("main form button[type=submit]"));
            browser.waitFor(By.id("sample-title"));
            browser.check("officer-sample");
            assertThat(browser.driver().getCurrentUrl()).contains("size=200", "seed=");
            WebElement row = browser.driver().findElement(By.xpath("//tr[td/code[text()='" + s.reference() + "']]"));
            assertThat(row.findElements(By.tagName("td")).get(1).getText())
                    .as("entries of the period")
                    .isEqualTo("4");
            row.findElement(By.tagName("button")).click();
            browser.waitFor(By.cssSelector("[data-testid=reference]"));
            browser.check("officer-timeline-reference");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/console/timeline/reference");
            assertThat(browser.text(By.cssSelector("[data-testid=reference]"))).isEqualTo(s.reference());
            assertThat(seqs(browser)).containsExactlyElementsOf(s.seqs());
            assertThat(browser.main()).contains("4 gebeurtenissen", "Veiligheidsdoorbraak vastgelegd");

            browser.go("/console/timeline").check("officer-timeline-form");
            browser.fill("bsn", s.bsn());
            browser.click(By.cssSelector("main form button[type=submit]"));
            browser.waitFor(By.id("timeline-title"));
            browser.check("officer-timeline");
            assertThat(seqs(browser)).containsExactlyElementsOf(s.seqs());
            assertNoBsnInAddress(browser, s);
        }
    }

    @Test
    void statisticsShowChartsWithTablesAndIntegrityAndTheFrameworkArePlainWords() {
        OfficerFixtures.geldropMierloCaseMeeting(api(), tokens(), jdbc);
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login(OfficerFixtures.OFFICER).go("/console/statistics").check("officer-statistics");
            List<WebElement> charts = browser.driver().findElements(By.cssSelector("figure.chart > svg[role=img]"));
            assertThat(charts).hasSize(3);
            for (WebElement chart : charts) {
                assertThat(chart.findElements(By.tagName("title"))).hasSize(1);
                assertThat(chart.findElements(By.tagName("desc"))).hasSize(1);
                assertThat(chart.getAttribute("aria-labelledby"))
                        .contains("-title")
                        .contains("-desc");
            }
            assertThat(browser.driver().findElements(By.cssSelector("figure.chart rect.bar-b")))
                    .as("refusals are drawn")
                    .isNotEmpty();
            assertThat(browser.main())
                    .contains("Besluiten per week", "Hoe vaak elke reden werd gegeven", "geen toestemming")
                    .contains("Veiligheidsdoorbraken per week");
            ((JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('decisions-title').scrollIntoView()");
            browser.screenshot("officer-statistics-charts");
            browser.go("/console/statistics?lang=en").check("officer-statistics-en");
            assertThat(browser.main()).contains("Decisions per week", "no consent");
            browser.go("/console/statistics?lang=nl");

            browser.go("/console/integrity").check("officer-integrity");
            assertThat(browser.text(By.cssSelector("[data-testid=verdict]"))).contains("In orde");
            browser.click(By.cssSelector("main form button[type=submit]"));
            browser.awaitMain("zojuist", Duration.ofSeconds(60));
            assertThat(browser.text(By.cssSelector("[data-testid=verdict]"))).contains("In orde");
            assertThat(browser.main()).contains("Het laatste controlepunt");

            browser.go("/console/framework").check("officer-framework");
            assertThat(browser.main())
                    .contains("F10", "multidisciplinair overleg", "GR PlusTeam", "sha256:")
                    .contains("Verwerkersovereenkomsten");
            browser.go("/console/framework/register").check("officer-register");
            assertThat(browser.main()).contains("Register van verwerkingen", "Verwerkingsverantwoordelijken", "F10");
        }
    }

    @Test
    void everyPageReflowsOnANarrowScreen() {
        OfficerFixtures.Scenario s = OfficerFixtures.geldropMierloCaseMeeting(api(), tokens(), jdbc);
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login(OfficerFixtures.OFFICER).width(320);
            for (String page : List.of(
                    "/console/log",
                    "/console/log/" + s.overrideSeq(),
                    "/console/reviews",
                    "/console/sample?size=10&seed=narrow",
                    "/console/timeline",
                    "/console/statistics",
                    "/console/integrity",
                    "/console/framework",
                    "/console/framework/register")) {
                browser.go(page).check("officer-320px" + page.replaceAll("[^a-z0-9]+", "-"));
                assertThat(browser.scrollsSideways())
                        .as("sideways scrolling of %s at 320 px", page)
                        .isFalse();
            }
        }
    }

    /** The log numbers of the table's rows, in the order shown. */
    static List<Long> seqs(ConsoleBrowser browser) {
        return browser.driver().findElements(By.cssSelector("table.entries tbody th[scope=row] a")).stream()
                .map(a -> Long.parseLong(a.getText().replaceAll("\\D", "")))
                .toList();
    }

    /** Opens an entry until the next checkpoint covers it; returns the verdict shown. */
    static String awaitInclusion(ConsoleBrowser browser, long seq) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> {
            browser.go("/console/log/" + seq);
            String verdict = browser.text(By.cssSelector("[data-testid=inclusion]"));
            return verdict.startsWith("nog niet opgenomen") ? null : verdict;
        });
    }

    private static WebElement card(ConsoleBrowser browser, OfficerFixtures.Scenario s) {
        return browser.driver().findElement(By.xpath("//article[.//code[text()='" + s.reference() + "']]"));
    }

    private static void assertNoBsnInAddress(ConsoleBrowser browser, OfficerFixtures.Scenario s) {
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(s.bsn());
    }
}
