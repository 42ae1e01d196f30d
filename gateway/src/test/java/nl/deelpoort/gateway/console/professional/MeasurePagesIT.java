package nl.deelpoort.gateway.console.professional;

import static nl.deelpoort.gateway.console.professional.GroundPages.bornYearsAgo;
import static nl.deelpoort.gateway.console.professional.GroundPages.byTestId;
import static nl.deelpoort.gateway.console.professional.GroundPages.date;
import static nl.deelpoort.gateway.console.professional.GroundPages.error;
import static nl.deelpoort.gateway.console.professional.GroundPages.submit;
import static nl.deelpoort.gateway.console.professional.GroundPages.summary;
import static nl.deelpoort.gateway.console.professional.GroundPages.tick;
import static nl.deelpoort.gateway.console.professional.GroundPages.today;
import static org.assertj.core.api.Assertions.assertThat;

import nl.deelpoort.gateway.support.ConsoleBrowser;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestBsns;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The measure pages in a real browser against the real stack: a professional of a certified
 * institution (GI) registers a supervision order and ends it; a municipality's professional is not
 * offered the page and is refused it when forced. axe-core checks every state of the pages.
 */
class MeasurePagesIT extends IntegrationTest {

    @Test
    void aCertifiedInstitutionRegistersAMeasureAndEndsIt() {
        String bsn = TestBsns.freshBsn();
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login("eva.gi");
            assertThat(browser.text(By.cssSelector("nav.main-nav"))).contains("Maatregelen");
            browser.go("/console/measures").check("measure-form");

            submit(browser, "/console/measures");
            assertThat(summary(browser)).contains("Vul een BSN in", "Kies de maatregel");
            assertThat(error(browser, "courtReference")).contains("kenmerk van de uitspraak");
            assertThat(error(browser, "validUntil")).isEqualTo("Vul een geldige datum in.");
            browser.check("measure-refused");

            browser.fill("bsn", bsn);
            date(browser, "birthDate", bornYearsAgo(10));
            tick(browser, "type-OTS");
            browser.fill("courtReference", "C/01/412345 / JE RK 26-1234");
            date(browser, "validUntil", today().plusYears(1));
            submit(browser, "/console/measures");

            assertThat(byTestId(browser, "outcome")).contains("vastgelegd");
            assertThat(byTestId(browser, "status")).isEqualTo("geldt");
            assertThat(byTestId(browser, "disclosure-id")).containsOnlyDigits();
            assertThat(browser.main())
                    .contains("ondertoezichtstelling (OTS)", "C/01/412345")
                    .doesNotContain(bsn);
            String id = byTestId(browser, "measure-id");
            browser.check("measure-registered");

            submit(browser, "/console/measures/" + id + "/end");
            assertThat(byTestId(browser, "outcome")).contains("beëindigd");
            assertThat(byTestId(browser, "status")).isEqualTo("beëindigd");
            assertThat(byTestId(browser, "ended")).isNotBlank();
            browser.check("measure-ended");

            browser.go("/console/measures");
            assertThat(browser.text(By.cssSelector("[data-testid=measures-in-session] tbody")))
                    .contains("beëindigd");
            browser.check("measure-list");
        }
    }

    @Test
    void aMunicipalityIsNotOfferedThePageAndIsRefusedItWhenForced() {
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login("bram.cmd-gm");
            assertThat(browser.text(By.cssSelector("nav.main-nav"))).doesNotContain("Maatregelen");
            assertThat(browser.main()).doesNotContain("Maatregelen");
            browser.go("/console/measures").check("measure-forbidden-bram");
            assertThat(browser.main()).contains("Geen toegang");
            assertThat(browser.driver().findElements(By.id("bsn"))).isEmpty();
        }
    }
}
