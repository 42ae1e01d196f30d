package nl.deelpoort.gateway.console.professional;

import static nl.deelpoort.gateway.console.professional.GroundPages.byTestId;
import static nl.deelpoort.gateway.console.professional.GroundPages.choose;
import static nl.deelpoort.gateway.console.professional.GroundPages.error;
import static nl.deelpoort.gateway.console.professional.GroundPages.submit;
import static nl.deelpoort.gateway.console.professional.GroundPages.tick;
import static nl.deelpoort.gateway.console.professional.GroundPages.waitForText;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.deelpoort.gateway.support.ConsoleBrowser;
import nl.deelpoort.gateway.support.PopulationRegisterTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The consent form where the gateway consults the population register, in a real browser: as the BSN is typed the
 * register's facts appear and fill the birth date, a father without authority is refused at his row with the
 * register's reason, the mother with sole authority is accepted, and the consent's page says it was checked. axe-core
 * checks every state.
 */
class ConsentRegisterPagesIT extends PopulationRegisterTest {

    private static final String NOOR_9 = "999990214";
    private static final String EVA_MOTHER_SOLE = "999990196";
    private static final String TOM_FATHER_WITHOUT = "999990202";

    @Test
    void theFormShowsTheRegistersFactsAndRefusesAFatherWithoutAuthority() {
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login("bram.cmd-gm").go("/console/consents").check("consent-form-brp");
            browser.fill("bsn", NOOR_9);
            String facts = waitForText(browser, By.id("giver-check"), t -> t.contains("Volgens de BRP"));
            assertThat(facts).contains("(9 jaar)").contains("één ouder heeft alleen het gezag");
            assertThat(browser.driver().findElement(By.id("birthDate")).getAttribute("value"))
                    .as("the register's birth date, filled in")
                    .isNotBlank();
            assertThat(browser.main()).doesNotContain(EVA_MOTHER_SOLE).doesNotContain("Eva");

            choose(browser, "giverRole-0", "PARENT_WITH_AUTHORITY");
            browser.fill("giverName-0", "T. Visser");
            browser.fill("giverBsn-0", TOM_FATHER_WITHOUT);
            tick(browser, "purposes-ESCALATION");
            tick(browser, "recipients-plusteam");
            tick(browser, "holders-gemeente-geldrop-mierlo");
            for (String category : List.of("BSN", "PERSONALIA")) {
                tick(browser, "categories-" + category);
            }
            tick(browser, "method-WRITTEN");
            browser.check("consent-form-brp-filled");
            submit(browser, "/console/consents");

            assertThat(error(browser, "giverRole-0"))
                    .contains("Volgens de BRP heeft deze ouder geen gezag")
                    .doesNotContain(TOM_FATHER_WITHOUT);
            browser.check("consent-refused-by-brp");

            browser.fill("giverName-0", "E. Jansen");
            browser.fill("giverBsn-0", EVA_MOTHER_SOLE);
            submit(browser, "/console/consents");

            assertThat(byTestId(browser, "outcome")).contains("vastgelegd");
            assertThat(byTestId(browser, "register-check"))
                    .contains("Gecontroleerd in de BRP")
                    .contains("één ouder heeft alleen het gezag");
            assertThat(browser.main()).doesNotContain(EVA_MOTHER_SOLE);
            browser.check("consent-recorded-brp");
        }
    }
}
