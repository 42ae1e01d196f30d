package nl.deelpoort.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import nl.deelpoort.gateway.support.ConsoleBrowser;
import nl.deelpoort.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

/**
 * A console session lives only as long as the Keycloak session behind it. Here the access token is
 * refreshed before every page (refresh-before longer than its 5-minute life), so the test sees at
 * once what a real session sees within 30 seconds of its token's expiry.
 */
@TestPropertySource(properties = "deelpoort.console.refresh-before=10m")
class ConsoleSessionIT extends IntegrationTest {

    @Test
    void pagesKeepWorkingWhileKeycloakRefreshesTheToken() {
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login("hanna.fg");
            for (int i = 0; i < 3; i++) {
                browser.go("/console");
                assertThat(browser.text(By.cssSelector("[data-testid=who]"))).contains("hanna.fg");
            }
        }
    }

    @Test
    void aSessionEndedAtKeycloakEndsTheConsoleSession() {
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login("carla.cmd-waalre");
            ConsoleBrowser.endKeycloakSessions("carla.cmd-waalre");
            browser.go("/console");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/console?ended");
            assertThat(browser.driver().findElements(By.cssSelector("[data-testid=who]")))
                    .isEmpty();
            browser.check("session-ended");
            assertThat(browser.main()).contains("uitgelogd");
        }
    }
}
