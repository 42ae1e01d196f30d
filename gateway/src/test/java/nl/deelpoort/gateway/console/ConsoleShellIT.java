package nl.deelpoort.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.deelpoort.gateway.support.ConsoleBrowser;
import nl.deelpoort.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The console's frame in a real browser: the start page, login at Keycloak for each kind of person,
 * the header naming person, organisation and role, the menu of that role only, pages of another
 * role refused, the English switch, and a logout that ends the Keycloak session too. axe-core checks
 * every page shown.
 */
class ConsoleShellIT extends IntegrationTest {

    @Test
    void startPageOffersLoginAndIsAccessibleInBothLanguages() {
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.go("/console").check("start-anonymous");
            assertThat(browser.main()).contains("Inloggen");
            browser.go("/console?lang=en").check("start-anonymous-en");
            assertThat(browser.main()).contains("Log in");
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("en");
        }
    }

    @Test
    void eachRoleSeesWhoIsLoggedInAndOnlyItsOwnMenu() {
        record Person(String username, String organisation, String role, String ownPage, String otherPage) {}
        var people = new Person[] {
            new Person("bram.cmd-gm", "Geldrop-Mierlo", "professional", "Mag ik dit delen?", "/console/log"),
            new Person("gert.fg", "Geldrop-Mierlo", "privacyfunctionaris", "Logboek", "/console/share-check"),
            new Person("jan.inwoner", "", "inwoner", "Wie kreeg mijn gegevens?", "/console/reviews"),
        };
        for (Person p : people) {
            try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
                browser.login(p.username()).check("home-" + p.username());
                String who = browser.text(By.cssSelector("[data-testid=who]"));
                assertThat(who)
                        .contains(p.username())
                        .contains(p.organisation())
                        .contains(p.role());
                String menu = browser.text(By.cssSelector("nav.main-nav"));
                assertThat(menu).contains(p.ownPage());
                browser.go(p.otherPage()).check("forbidden-" + p.username());
                assertThat(browser.main()).contains("Geen toegang");
            }
        }
    }

    @Test
    void pagesReflowForTabletsZoomAndNarrowScreensAndStartWithASkipLink() {
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login("gert.fg");
            for (int width : new int[] {768, 640, 320}) {
                browser.width(width).go("/console").check("home-officer-" + width + "px");
                assertThat(browser.scrollsSideways())
                        .as("sideways scrolling at %d px", width)
                        .isFalse();
            }
            browser.width(1280).go("/console");
            var first = browser.tab(1);
            assertThat(first.getText()).isEqualTo("Naar de inhoud");
            first.sendKeys(org.openqa.selenium.Keys.ENTER);
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                    .isEqualTo("content");
        }
    }

    @Test
    void logoutEndsTheKeycloakSessionToo() {
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login("anna.plusteam").logout();
            assertThat(browser.main()).contains("Inloggen");
            // A new login must ask for the password again: Keycloak's session is gone.
            browser.click(By.cssSelector("a.button[href$='/console/oauth2/authorization/deelpoort-console']"));
            browser.waitFor(By.id("username"));
            assertThat(browser.driver().getCurrentUrl()).contains("/realms/deelpoort/");
        }
    }

    @Test
    void pagesSendAStrictContentSecurityPolicyAndNeverAnswerJson() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> start = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(200);
        String csp = start.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/inbox"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode())
                .as("a page without login goes to the login")
                .isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow())
                .endsWith("/console/oauth2/authorization/deelpoort-console");
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/logout"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).as("a form post without CSRF token").isEqualTo(403);
    }

    @Test
    void aLoginWithAnUnknownRegistrationIsSentToTheConsolesLogin() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> unknown = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/console/oauth2/authorization/keycloak"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode())
                .as("no 500 for a login nobody configured")
                .isEqualTo(302);
        assertThat(unknown.headers().firstValue("Location").orElseThrow())
                .endsWith("/console/oauth2/authorization/deelpoort-console");
        HttpResponse<String> known = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/console/oauth2/authorization/deelpoort-console"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(known.statusCode()).isEqualTo(302);
        assertThat(known.headers().firstValue("Location").orElseThrow())
                .contains("/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256");
    }
}
