package nl.deelpoort.gateway.console.officer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.deelpoort.gateway.support.ConsoleBrowser;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.policy.Framework;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One organisation's officer sees nothing of another's: hanna.fg of the PlusTeam, on pages that
 * gert.fg of gemeente-geldrop-mierlo sees this scenario on ({@link OfficerFixtures}, in which the
 * PlusTeam takes no part), finds none of it in the log, the review queue, the sample, a timeline by
 * BSN or by the subject's reference, or the statistics; and gert's entry's address gives her the
 * not-found page. A professional is refused the officer's pages and may read the framework.
 */
class OfficerIsolationIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anotherOrganisationsOfficerSeesNoneOfItOnAnyPage() {
        OfficerFixtures.Scenario s = OfficerFixtures.geldropMierloCaseMeeting(api(), tokens(), jdbc);
        LocalDate today = LocalDate.now(Framework.ZONE);
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login(OfficerFixtures.OTHER_OFFICER);

            browser.go("/console/log?size=200").check("isolation-log");
            assertThat(OfficerPagesIT.seqs(browser)).doesNotContainAnyElementsOf(s.seqs());
            browser.fill("bsn", s.bsn());
            browser.click(By.cssSelector("form.filters button[type=submit]"));
            browser.waitFor(By.id("results-title"));
            browser.check("isolation-log-subject");
            assertThat(browser.main()).contains("Er zijn geen items die passen bij deze zoekvraag");
            browser.go("/console/log?overrideId=" + s.overrideId());
            assertThat(OfficerPagesIT.seqs(browser)).isEmpty();

            for (long seq : s.seqs()) {
                browser.go("/console/log/" + seq);
                assertThat(browser.main())
                        .as("entry " + seq + " of gemeente-geldrop-mierlo")
                        .contains("Item niet gevonden")
                        .doesNotContain(s.reference());
            }
            browser.check("isolation-entry");

            browser.go("/console/reviews?view=ALL").check("isolation-reviews");
            assertThat(browser.main()).doesNotContain(s.reference()).doesNotContain(OfficerFixtures.JUSTIFICATION);

            String around = "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
            browser.go("/console/sample?size=200&seed=isolation" + around).check("isolation-sample");
            assertThat(browser.main()).doesNotContain(s.reference());

            browser.go("/console/timeline");
            browser.fill("bsn", s.bsn());
            browser.click(By.cssSelector("main form button[type=submit]"));
            browser.waitFor(By.id("timeline-title"));
            browser.check("isolation-timeline");
            assertThat(browser.main()).contains("Uw organisatie heeft over deze persoon niets gedeeld of ontvangen");
            assertThat(OfficerPagesIT.seqs(browser)).isEmpty();

            // The reference only ever comes from a button; forged, it answers as for an unknown person.
            postReference(browser, s.reference());
            browser.waitFor(By.cssSelector("[data-testid=reference]"));
            browser.check("isolation-timeline-reference");
            assertThat(browser.main()).contains("Uw organisatie heeft over deze persoon niets gedeeld of ontvangen");
            assertThat(OfficerPagesIT.seqs(browser)).isEmpty();

            browser.go("/console/statistics?" + around.substring(1)).check("isolation-statistics");
            List<String> pairs = browser
                    .driver()
                    .findElements(By.xpath("//table[caption[contains(., 'Wie vroeg gegevens bij wie')]]//tbody/tr"))
                    .stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(pairs).noneMatch(row -> row.contains("Gemeente Geldrop-Mierlo") && row.contains("Intervence"));
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM log_entry WHERE kind = 'AUDIT_QUERY' AND requesting_organisation = 'plusteam'"
                                + " AND subject_pseudonym = ?",
                        Long.class,
                        s.reference()))
                .as("hanna's questions about a subject unknown to the PlusTeam do not name it")
                .isZero();
    }

    @Test
    void aProfessionalIsRefusedTheOfficersPagesAndReadsTheFramework() {
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login(OfficerFixtures.PROFESSIONAL);
            for (String page :
                    List.of("/console/log", "/console/reviews", "/console/statistics", "/console/integrity")) {
                browser.go(page);
                assertThat(browser.main()).as(page).contains("Geen toegang");
            }
            browser.go("/console/framework").check("professional-framework");
            assertThat(browser.main()).contains("De afspraken", "F1");
        }
    }

    /** Submits the timeline-by-reference form as a button would, with the page's CSRF token. */
    private static void postReference(ConsoleBrowser browser, String reference) {
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "var f = document.createElement('form'); f.method = 'post';"
                                + " f.action = arguments[0] + '/console/timeline/reference';"
                                + " f.appendChild(document.querySelector('input[name=_csrf]').cloneNode());"
                                + " var r = document.createElement('input'); r.type = 'hidden'; r.name = 'reference';"
                                + " r.value = arguments[1]; f.appendChild(r); document.body.appendChild(f); f.submit();",
                        "",
                        reference);
    }
}
