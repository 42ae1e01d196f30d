package nl.deelpoort.gateway.console.resident;

import static nl.deelpoort.gateway.audit.report.ReportFixtures.JAN;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.pushAdvice;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.reportToVeiligThuis;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.ConsoleBrowser;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestBsns;
import nl.deelpoort.gateway.support.TestServices;
import nl.deelpoort.keycloak.KeycloakLauncher;
import nl.deelpoort.policy.Framework;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * The resident's pages in a real browser, logged in at the real Keycloak: jan.inwoner sees who
 * received his data (and not the confidential report to Veilig Thuis about him, nor anyone else's
 * data), withdraws the consent he gave himself with one button and one confirmation, after which the
 * decision relying on it is refused, and downloads his own report. A second resident, made in the
 * realm for this test, sees his own data and none of Jan's. axe-core checks every page shown.
 */
class ResidentPagesIT extends IntegrationTest {

    private static final String TITLE = "Overzicht van verstrekkingen van uw gegevens";

    @TempDir
    Path downloads;

    @Test
    void janSeesHisDisclosuresWithdrawsHisConsentAndDownloadsHisReport() throws IOException {
        Api api = api();
        long pull = accountabilityPull(api);
        long confidential = reportToVeiligThuis(api, tokens().user("anna.plusteam"), JAN);
        String consent = consentJanGaveHimself(api);
        assertThat(evaluate(api).path("decision").asString()).isEqualTo("PERMIT");
        Resident other = Resident.create();
        long othersAdvice = pushAdvice(api, tokens().user("anna.plusteam"), other.bsn())
                .path("disclosureId")
                .asLong();

        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login("jan.inwoner").check("resident-home");

            browser.go("/console/me/disclosures").check("resident-disclosures");
            String item = browser.text(By.id("disclosure-" + pull));
            assertThat(item)
                    .contains("Gemeente Geldrop-Mierlo (CMD) kreeg uw gegevens")
                    .contains("GR PlusTeam", "BSN", "ingezette zorg", "verantwoording")
                    .contains("wettelijke verplichting");
            assertThat(browser.driver().findElements(By.id("disclosure-" + confidential)))
                    .isEmpty();
            assertThat(browser.driver().findElements(By.id("disclosure-" + othersAdvice)))
                    .isEmpty();
            assertThat(browser.main()).doesNotContain("Veilig Thuis kreeg", JAN);
            assertThat(browser.text(By.id("contact-gemeente-geldrop-mierlo")))
                    .contains("privacy@gemeente-geldrop-mierlo.example");
            assertThat(browser.main()).contains("Centrum Maatschappelijke Deelname");

            browser.go("/console/me/disclosures?lang=en").check("resident-disclosures-en");
            assertThat(browser.text(By.id("disclosure-" + pull)))
                    .contains("Gemeente Geldrop-Mierlo (CMD) received your data", "care deployed");
            browser.go("/console/me/consents?lang=nl").check("resident-consents");

            String card = browser.text(By.id("consent-" + consent));
            assertThat(card).contains("Geldig", "de betrokkene zelf", "GR PlusTeam", "Gemeente Waalre (CMD)");
            browser.click(By.cssSelector("#consent-" + consent + " a.button-danger"));
            browser.waitFor(By.id("confirm-withdrawal"));
            browser.check("resident-withdraw-confirm");
            assertThat(browser.main()).contains("Weet u zeker dat u deze toestemming wilt intrekken?");
            browser.click(By.id("confirm-withdrawal"));
            browser.waitFor(By.cssSelector(".notice-ok[role=status]"));
            browser.check("resident-consents-withdrawn");
            assertThat(browser.text(By.cssSelector(".notice-ok"))).contains("Uw toestemming is ingetrokken");
            assertThat(browser.text(By.id("consent-" + consent))).contains("Ingetrokken");
            assertThat(browser.driver().findElements(By.cssSelector("#consent-" + consent + " a.button-danger")))
                    .as("nothing left to withdraw")
                    .isEmpty();

            JsonNode after = evaluate(api);
            assertThat(after.path("decision").asString()).isEqualTo("DENY");
            assertThat(after.toString()).contains("CONSENT_WITHDRAWN");

            Downloads files = Downloads.into(browser, downloads);
            browser.go("/console/me/report").check("resident-report");
            browser.click(By.id("download-report"));
            try (PDDocument pdf = Loader.loadPDF(files.awaitNew("mijn-gegevens-deelpoort.pdf"))) {
                assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(TITLE);
                assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
                String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
                assertThat(text)
                        .startsWith(TITLE)
                        .contains("Aan: de persoon met burgerservicenummer (BSN) eindigend op 653")
                        .contains("Van: Deelpoort, op uw eigen verzoek")
                        .contains("Ontvanger: Gemeente Geldrop-Mierlo (CMD)")
                        .doesNotContain("Veilig Thuis", "vertrouwelijk", JAN, other.bsn());
            }
        }

        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.login(other.username()).check("resident-other-home");
            browser.go("/console/me/disclosures").check("resident-other-disclosures");
            assertThat(browser.text(By.id("disclosure-" + othersAdvice)))
                    .contains("Gemeente Geldrop-Mierlo (CMD) kreeg uw gegevens", "gezinsplan");
            assertThat(browser.driver().findElements(By.id("disclosure-" + pull)))
                    .as("none of Jan's")
                    .isEmpty();
            browser.go("/console/me/consents").check("resident-other-consents");
            assertThat(browser.driver().findElements(By.id("consent-" + consent)))
                    .isEmpty();
            assertThat(browser.main()).contains("Er is geen toestemming over u vastgelegd.");
        }
    }

    /** CMD Geldrop-Mierlo pulls what care the PlusTeam gave Jan (flow F4, not confidential). */
    private long accountabilityPull(Api api) {
        Map<String, Object> pull = new LinkedHashMap<>();
        pull.put("subject", Map.of("bsn", JAN));
        pull.put("purpose", "ACCOUNTABILITY");
        pull.put("actingRole", "MUNICIPAL_ACCESS");
        pull.put("holder", "plusteam");
        pull.put("categories", List.of("BSN", "CARE_DEPLOYED"));
        Api.Response r = api.post("/api/v1/disclosures", tokens().user("bram.cmd-gm"), Api.json(pull));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("disclosureId").asLong();
    }

    /** Jan (an adult) consents himself to CMD Waalre escalating his case to the PlusTeam. */
    private String consentJanGaveHimself(Api api) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", Map.of("bsn", JAN, "birthDate", "1979-03-14"));
        body.put("givenBy", List.of(Map.of("role", "SUBJECT")));
        body.put("purposes", List.of("ESCALATION"));
        body.put("recipients", List.of("plusteam"));
        body.put("holders", List.of("gemeente-waalre"));
        body.put("categories", List.of("BSN", "PERSONALIA", "CASE_NOTES"));
        body.put("validFrom", LocalDate.now(Framework.ZONE).toString());
        body.put("method", "DIGITAL");
        Api.Response r = api.post("/api/v1/consents", tokens().user("carla.cmd-waalre"), Api.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    private JsonNode evaluate(Api api) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("subject", Map.of("bsn", JAN));
        q.put("purpose", "ESCALATION");
        q.put("actingRole", "MUNICIPAL_ACCESS");
        q.put("holder", "gemeente-waalre");
        q.put("recipient", "plusteam");
        q.put("recipientRole", "ADVISOR");
        q.put("categories", List.of("BSN", "PERSONALIA", "CASE_NOTES"));
        Api.Response r = api.post("/api/v1/decisions/evaluate", tokens().user("carla.cmd-waalre"), Api.json(q));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** A second resident (the dev realm has one), added to the realm with a fresh BSN and password demo. */
    record Resident(String username, String bsn) {

        static Resident create() {
            String bsn = TestBsns.freshBsn();
            String username = "inwoner-" + bsn;
            try (Keycloak admin = KeycloakBuilder.builder()
                    .serverUrl(TestServices.get().keycloak().baseUrl())
                    .realm("master")
                    .clientId("admin-cli")
                    .username(KeycloakLauncher.DEV_ADMIN_USER)
                    .password(KeycloakLauncher.DEV_ADMIN_PASSWORD)
                    .build()) {
                RealmResource realm = admin.realm(KeycloakLauncher.REALM);
                UserRepresentation user = new UserRepresentation();
                user.setUsername(username);
                user.setEnabled(true);
                user.setEmailVerified(true);
                user.setFirstName("Tweede");
                user.setLastName("Inwoner");
                user.setEmail(username + "@deelpoort.deelpoort.test");
                user.setAttributes(Map.of("bsn", List.of(bsn)));
                CredentialRepresentation password = new CredentialRepresentation();
                password.setType(CredentialRepresentation.PASSWORD);
                password.setValue(ConsoleBrowser.PASSWORD);
                password.setTemporary(false);
                user.setCredentials(List.of(password));
                String id;
                try (var created = realm.users().create(user)) {
                    id = CreatedResponseUtil.getCreatedId(created);
                }
                realm.users()
                        .get(id)
                        .roles()
                        .realmLevel()
                        .add(new ArrayList<>(
                                List.of(realm.roles().get("resident").toRepresentation())));
            }
            return new Resident(username, bsn);
        }
    }
}
