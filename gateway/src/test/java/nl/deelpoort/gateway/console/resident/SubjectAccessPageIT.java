package nl.deelpoort.gateway.console.resident;

import static nl.deelpoort.gateway.audit.report.ReportFixtures.freshBsn;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.push;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.pushAdvice;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.deelpoort.gateway.audit.report.ReportFixtures;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.ConsoleBrowser;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The privacy officer's subject-access page in a real browser: gert.fg (Geldrop-Mierlo) types a BSN,
 * gets the form's errors first, then downloads the resident's report as PDF and CSV, and reads his
 * own note on the confidential report it leaves out, each request logged; the BSN never appears in
 * an address the browser visited. axe-core checks every page shown.
 */
class SubjectAccessPageIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @TempDir
    Path downloads;

    @Test
    void gertDownloadsTheReportThroughTheFormWithoutTheBsnInAnyAddress() throws IOException {
        Api api = api();
        String bsn = freshBsn();
        long advice = pushAdvice(api, tokens().user("anna.plusteam"), bsn)
                .path("disclosureId")
                .asLong();
        push(
                api,
                tokens().user("bram.cmd-gm"),
                bsn,
                "SAFETY_REPORT",
                "MUNICIPAL_ACCESS",
                "veilig-thuis",
                "SAFETY_INVESTIGATION",
                201,
                Map.of("SAFETY", Map.of("signal", "zorgen over de veiligheid thuis")));
        long before = lastSeq();

        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            Downloads files = Downloads.into(browser, downloads);
            browser.login("gert.fg").check("officer-home");
            browser.go("/console/subject-access").check("subject-access-form");
            browser.go("/console/subject-access?lang=en").check("subject-access-form-en");
            browser.go("/console/subject-access?lang=nl");

            browser.click(By.id("download-report"));
            browser.waitFor(By.cssSelector(".error-summary"));
            browser.check("subject-access-missing-bsn");
            assertThat(browser.text(By.cssSelector(".error-summary"))).contains("Typ het burgerservicenummer");
            assertThat(browser.driver().findElement(By.id("bsn")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(browser.driver().findElements(By.cssSelector(".error-summary a[href='#bsn']")))
                    .as("the summary links to the field")
                    .hasSize(1);

            browser.fill("bsn", "123456789").click(By.id("download-report"));
            browser.waitFor(By.cssSelector(".error-summary"));
            browser.check("subject-access-invalid-bsn");
            assertThat(browser.text(By.id("bsn-error"))).contains("geen geldig burgerservicenummer");

            browser.fill("bsn", bsn).click(By.id("download-report"));
            try (PDDocument pdf = Loader.loadPDF(files.awaitNew("inzageoverzicht.pdf"))) {
                assertThat(pdf.getDocumentInformation().getTitle())
                        .isEqualTo("Overzicht van verstrekkingen van uw gegevens");
                String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
                assertThat(text)
                        .contains("Van: Gemeente Geldrop-Mierlo (CMD), functionaris gegevensbescherming")
                        .contains("Ontvanger: Gemeente Geldrop-Mierlo (CMD)")
                        .contains("advies en aanvraag van een voorziening")
                        .contains("eindigend op " + bsn.substring(6))
                        .doesNotContain("Veilig Thuis", "vertrouwelijk", bsn);
            }
            browser.check("subject-access-after-download");

            browser.click(By.id("format-csv")).click(By.id("download-report"));
            String csv = new String(files.awaitNew("inzageoverzicht.csv"), StandardCharsets.UTF_8);
            assertThat(csv)
                    .startsWith("ontvanger_id,ontvanger,datum,")
                    .contains("," + advice + "\r\n")
                    .doesNotContain("veilig-thuis", bsn);

            browser.click(By.id("show-note"));
            browser.waitFor(By.cssSelector(".resident-note"));
            browser.check("subject-access-officer-note");
            assertThat(browser.main())
                    .contains("Alleen voor u als FG")
                    .contains("Het overzicht voor de inwoner bevat 1 verstrekking.")
                    .contains("1 vertrouwelijke verstrekking is niet opgenomen (artikel 41 UAVG).")
                    .doesNotContain(bsn);
            Matcher entry = Pattern.compile("logregel (\\d+)").matcher(browser.main());
            assertThat(entry.find()).isTrue();
            LogEntry note = ReportFixtures.entry(dataSource, Long.parseLong(entry.group(1)));
            assertThat(note.attributes()).containsEntry("query", "subject-access-officer-note");

            assertThat(files.visited())
                    .as("the addresses the browser visited")
                    .isNotEmpty()
                    .noneMatch(url -> url.contains(bsn))
                    .anyMatch(url -> url.endsWith("/console/subject-access"));
        }

        List<LogEntry> queries = new JdbcTemplate(dataSource)
                        .query(
                                "SELECT canonical FROM log_entry WHERE seq > ? AND kind = 'AUDIT_QUERY' ORDER BY seq",
                                (rs, n) -> LogEntryCodec.decode(rs.getBytes(1)),
                                before)
                        .stream()
                        .filter(e -> "gemeente-geldrop-mierlo".equals(e.requestingOrganisation()))
                        .toList();
        assertThat(queries)
                .as("each download and the note logged, the invalid forms not")
                .extracting(
                        e -> e.attributes().get("query") + ":" + e.attributes().getOrDefault("format", "-"))
                .containsExactly(
                        "subject-access-report:pdf", "subject-access-report:csv", "subject-access-officer-note:-");
        assertThat(queries).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.AUDIT_QUERY);
            assertThat(e.subjectPseudonym())
                    .isEqualTo(ReportFixtures.entry(dataSource, advice).subjectPseudonym());
        });
    }

    private long lastSeq() {
        return new JdbcTemplate(dataSource).queryForObject("SELECT coalesce(max(seq), 0) FROM log_entry", Long.class);
    }
}
