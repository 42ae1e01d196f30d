package nl.deelpoort.gateway.console.professional;

import static nl.deelpoort.gateway.console.professional.GroundPages.byTestId;
import static nl.deelpoort.gateway.console.professional.GroundPages.choose;
import static nl.deelpoort.gateway.console.professional.GroundPages.error;
import static nl.deelpoort.gateway.console.professional.GroundPages.submit;
import static nl.deelpoort.gateway.console.professional.GroundPages.summary;
import static nl.deelpoort.gateway.console.professional.GroundPages.tick;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import nl.deelpoort.gateway.support.ConsoleBrowser;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestBsns;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.OverrideProposal;
import nl.deelpoort.policy.OverrideRules;
import nl.deelpoort.policy.Purpose;
import nl.deelpoort.policy.RiskLevel;
import nl.deelpoort.policy.Violation;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The safety override pages in a real browser against the real stack: a CMD professional (the holder
 * under the overridable escalation flow) is refused on the form for a too-long duration and an empty
 * justification, each with the policy's sentence by its field, then declares the override and ends it.
 * axe-core checks every state of the pages.
 */
class OverridePagesIT extends IntegrationTest {

    private static final String JUSTIFICATION =
            "Acute zorgen over de veiligheid van de kinderen na een melding van huiselijk geweld vannacht.";

    @Autowired
    OverrideRules rules;

    @Test
    void aProfessionalOfTheHolderDeclaresAnOverrideAndEndsIt() {
        String bsn = TestBsns.freshBsn();
        List<Violation> refused = rules.violations(
                new OverrideProposal(
                        OrganisationId.of("gemeente-geldrop-mierlo"),
                        Purpose.ESCALATION,
                        Set.of(OrganisationId.of("plusteam")),
                        Set.of(Category.BSN, Category.PERSONALIA, Category.CASE_NOTES),
                        RiskLevel.HOOG,
                        "",
                        Duration.ofHours(73)),
                Duration.ofHours(72));
        String tooShort = sentence(refused, "justification");
        String tooLong = sentence(refused, "durationHours");

        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login("bram.cmd-gm").go("/console/overrides").check("override-form");
            assertThat(byTestId(browser, "override-explained"))
                    .contains("ten hoogste 72 uur", "logboek", "privacyfunctionaris");
            assertThat(browser.main()).contains("alleen de doorbraken die u in deze sessie vastlegde");

            browser.fill("bsn", bsn);
            tick(browser, "purpose-ESCALATION");
            tick(browser, "recipients-plusteam");
            for (String category : List.of("BSN", "PERSONALIA", "CASE_NOTES")) {
                tick(browser, "categories-" + category);
            }
            tick(browser, "riskLevel-HOOG");
            choose(browser, "meldcodeStep", "3");
            browser.fill("durationHours", "73");
            submit(browser, "/console/overrides");

            assertThat(error(browser, "justification")).isEqualTo(tooShort);
            assertThat(error(browser, "durationHours")).isEqualTo(tooLong);
            assertThat(summary(browser)).contains(tooShort, tooLong);
            assertThat(browser.driver().findElements(By.cssSelector(".error-summary a")))
                    .extracting(a -> a.getAttribute("href").replaceAll(".*#", "#"))
                    .containsExactly("#justification", "#durationHours");
            assertThat(browser.driver().findElement(By.id("durationHours")).getAttribute("aria-describedby"))
                    .contains("durationHours-error");
            assertThat(browser.driver().findElement(By.id("durationHours")).getAttribute("value"))
                    .isEqualTo("73");
            browser.check("override-refused");

            browser.fill("justification", JUSTIFICATION);
            browser.fill("durationHours", "24");
            submit(browser, "/console/overrides");

            assertThat(byTestId(browser, "outcome")).contains("vastgelegd", "privacyfunctionaris");
            assertThat(byTestId(browser, "status")).isEqualTo("geldt");
            assertThat(byTestId(browser, "review")).isEqualTo("nog niet beoordeeld");
            assertThat(byTestId(browser, "disclosure-id")).containsOnlyDigits();
            assertThat(browser.main()).contains(JUSTIFICATION, "Stap 3", "hoog").doesNotContain(bsn);
            String id = byTestId(browser, "override-id");
            browser.check("override-declared");

            browser.go("/console/overrides");
            assertThat(browser.text(By.cssSelector("[data-testid=overrides-in-session] tbody")))
                    .contains("geldt");
            browser.check("override-list");
            browser.click(By.cssSelector("[data-testid=overrides-in-session] tbody a"));
            assertThat(byTestId(browser, "override-id")).isEqualTo(id);
            submit(browser, "/console/overrides/" + id + "/end");

            assertThat(byTestId(browser, "outcome")).contains("beëindigd");
            assertThat(byTestId(browser, "status")).isEqualTo("beëindigd");
            assertThat(byTestId(browser, "ended")).isNotBlank();
            assertThat(browser.driver().findElements(By.cssSelector("form[action$='/end']")))
                    .as("nothing left to end")
                    .isEmpty();
            browser.check("override-ended");
        }
    }

    private static String sentence(List<Violation> violations, String field) {
        return violations.stream()
                .filter(v -> v.field().equals(field))
                .findFirst()
                .orElseThrow()
                .reason()
                .messageNl();
    }
}
