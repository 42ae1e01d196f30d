package nl.deelpoort.gateway.audit.report;

import static nl.deelpoort.gateway.audit.report.ReportFixtures.entry;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.freshBsn;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.postForBytes;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.pseudonymCount;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.push;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.pushAdvice;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.reportToVeiligThuis;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The AVG art. 15 report through the API, for a subject with four entries made by the plusteam: an
 * advice to Geldrop-Mierlo (F3), accountability data to Waalre (F4), a confidential report to
 * Veilig Thuis (F5) and a refused push to the CBS.
 */
class SubjectAccessReportIT extends IntegrationTest {

    private static final String REPORT = "/api/v1/audit/subject-access-report";

    @Autowired
    DataSource dataSource;

    private String bsn;
    private long advice;
    private long accountability;
    private long confidential;

    @BeforeEach
    void fourEntries() {
        Api api = api();
        String anna = tokens().user("anna.plusteam");
        bsn = freshBsn();
        advice = pushAdvice(api, anna, bsn).path("disclosureId").asLong();
        accountability = push(
                api,
                anna,
                bsn,
                "ACCOUNTABILITY",
                "CARE_PROVIDER",
                "gemeente-waalre",
                "MUNICIPAL_ACCESS",
                201,
                Map.of("CARE_DEPLOYED", Map.of("care", "ambulante jeugdhulp")));
        confidential = reportToVeiligThuis(api, anna, bsn);
        push(api, anna, bsn, "ACCOUNTABILITY", "CARE_PROVIDER", "cbs", "STATISTICS", 403, Map.of());
    }

    private String body(String subjectBsn, String format) {
        return Api.json(Map.of("subject", Map.of("bsn", subjectBsn), "format", format));
    }

    @Test
    void jsonGroupsByRecipientAndHoldsNoConfidentialEntryNorTheirCount() {
        Api.Response r = api().post(REPORT, tokens().user("hanna.fg"), body(bsn, "json"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode json = r.json();
        JsonNode report = json.path("report");
        assertThat(report.path("total").asInt()).isEqualTo(2);
        JsonNode groups = report.path("recipients");
        assertThat(groups.size()).isEqualTo(2);
        assertThat(groups.get(0).path("recipient").path("name").asString()).isEqualTo("Gemeente Geldrop-Mierlo (CMD)");
        assertThat(groups.get(1).path("recipient").path("id").asString()).isEqualTo("gemeente-waalre");
        JsonNode line = groups.get(1).path("disclosures").get(0);
        assertThat(line.path("disclosureId").asLong()).isEqualTo(accountability);
        assertThat(line.path("purpose").path("label").asString()).isEqualTo("verantwoording");
        assertThat(line.path("legalBasis").path("label").asString())
                .isEqualTo("wettelijke verplichting (art. 6 lid 1 sub c AVG)");
        List<String> categories = new ArrayList<>();
        line.path("categories").forEach(c -> categories.add(c.path("label").asString()));
        assertThat(categories).containsExactly("BSN", "ingezette zorg");
        assertThat(groups.get(0).path("disclosures").get(0).path("disclosureId").asLong())
                .isEqualTo(advice);

        assertThat(r.body()).doesNotContain("vertrouwelijk", "Veilig Thuis", "veilig-thuis", "officerNote", bsn);
        List<Long> reported = new ArrayList<>();
        groups.forEach(g -> g.path("disclosures")
                .forEach(d -> reported.add(d.path("disclosureId").asLong())));
        assertThat(reported).containsExactlyInAnyOrder(advice, accountability).doesNotContain(confidential);
        assertThat(report.path("addressedTo").asString()).endsWith("eindigend op " + bsn.substring(6));
        assertThat(report.path("issuedBy").asString()).isEqualTo("GR PlusTeam, functionaris gegevensbescherming");
        List<String> headings = new ArrayList<>();
        report.path("information").forEach(s -> headings.add(s.path("heading").asString()));
        assertThat(headings)
                .contains(
                        "Hoe lang worden uw gegevens bewaard?",
                        "Uw rechten",
                        "Een klacht indienen",
                        "Contact",
                        "Wordt er automatisch over u beslist?");

        long seq = Long.parseLong(r.header("X-Disclosure-Id"));
        assertThat(json.path("disclosureId").asLong()).isEqualTo(seq);
        LogEntry logged = entry(dataSource, seq);
        assertThat(logged.kind()).isEqualTo(EntryKind.AUDIT_QUERY);
        assertThat(logged.requestingOrganisation()).isEqualTo("plusteam");
        assertThat(logged.subjectPseudonym())
                .isEqualTo(entry(dataSource, advice).subjectPseudonym());
        assertThat(logged.attributes()).containsEntry("query", "subject-access-report");
        byte[] canonical = new JdbcTemplate(dataSource)
                .queryForObject("SELECT canonical FROM log_entry WHERE seq = ?", byte[].class, seq);
        assertThat(new String(canonical, StandardCharsets.UTF_8)).doesNotContain(bsn);
        assertThat(LogEntryCodec.decode(canonical)).isEqualTo(logged);
    }

    @Test
    void theOfficersNoteIsADocumentOfItsOwnAndLogged() {
        Api.Response r = api().post(
                        REPORT + "/officer-note",
                        tokens().user("hanna.fg"),
                        Api.json(Map.of("subject", Map.of("bsn", bsn))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode note = r.json();
        assertThat(note.path("audience").asString()).isEqualTo("alleen voor de FG");
        assertThat(note.path("reported").asInt()).isEqualTo(2);
        assertThat(note.path("confidentialLeftOut").asInt()).isEqualTo(1);
        assertThat(note.path("text").asString())
                .isEqualTo("1 vertrouwelijke verstrekking is niet opgenomen (art. 41 UAVG).");
        long seq = Long.parseLong(r.header("X-Disclosure-Id"));
        assertThat(note.path("disclosureId").asLong()).isEqualTo(seq);
        LogEntry logged = entry(dataSource, seq);
        assertThat(logged.kind()).isEqualTo(EntryKind.AUDIT_QUERY);
        assertThat(logged.attributes()).containsEntry("query", "subject-access-officer-note");
        assertThat(r.body()).doesNotContain(bsn);
    }

    @Test
    void anOfficerSeesOnlyEntriesOfTheirOwnOrganisation() {
        Api.Response r = api().post(REPORT, tokens().user("gert.fg"), body(bsn, "json"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.path("report").path("total").asInt()).isEqualTo(1);
        assertThat(json.path("report")
                        .path("recipients")
                        .get(0)
                        .path("disclosures")
                        .get(0)
                        .path("disclosureId")
                        .asLong())
                .isEqualTo(advice);
        assertThat(r.body()).doesNotContain("gemeente-waalre");
        Api.Response note = api().post(
                        REPORT + "/officer-note",
                        tokens().user("gert.fg"),
                        Api.json(Map.of("subject", Map.of("bsn", bsn))));
        assertThat(note.json().path("confidentialLeftOut").asInt())
                .as("the report to Veilig Thuis is not Geldrop-Mierlo's")
                .isZero();
    }

    @Test
    void csvIsAHeaderAndQuotedRowsWithoutTheOfficersNote() {
        HttpResponse<byte[]> r = postForBytes(port, REPORT, tokens().user("hanna.fg"), body(bsn, "csv"));
        String csv = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(csv).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.headers().firstValue("X-Disclosure-Id")).isPresent();
        String[] lines = csv.split("\r\n", -1);
        assertThat(lines[0])
                .isEqualTo("ontvanger_id,ontvanger,datum,verstrekker_id,verstrekker,doel,grondslag,categorieen,"
                        + "verstrekking_id");
        assertThat(lines).hasSize(4);
        assertThat(lines[3]).as("the last row ends with CRLF too").isEmpty();
        assertThat(lines[1])
                .startsWith("gemeente-geldrop-mierlo,Gemeente Geldrop-Mierlo (CMD),")
                .contains(",plusteam,GR PlusTeam,advies en aanvraag van een voorziening,")
                .endsWith(",\"BSN; naam, geboortedatum en adres; gezinsplan\"," + advice);
        assertThat(lines[2]).startsWith("gemeente-waalre,").endsWith(",BSN; ingezette zorg," + accountability);
        assertThat(csv).doesNotContain("vertrouwelijk", "veilig-thuis", "FG", bsn);
    }

    @Test
    void pdfIsTheTaggedLetterToTheResidentFromItsFirstPage() throws IOException {
        HttpResponse<byte[]> r = postForBytes(port, REPORT, tokens().user("hanna.fg"), body(bsn, "pdf"));
        assertThat(r.statusCode())
                .as(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("inzageoverzicht.pdf");
        try (PDDocument pdf = Loader.loadPDF(r.body())) {
            assertThat(pdf.getDocumentInformation().getTitle())
                    .isEqualTo("Overzicht van verstrekkingen van uw gegevens");
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            assertThat(stripper.getText(pdf))
                    .startsWith("Overzicht van verstrekkingen van uw gegevens")
                    .contains("Van: GR PlusTeam, functionaris gegevensbescherming");
            String all = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(all)
                    .contains(
                            "Ontvanger: Gemeente Geldrop-Mierlo (CMD)",
                            "Ontvanger: Gemeente Waalre (CMD)",
                            "verantwoording",
                            "wettelijke verplichting",
                            "Autoriteit Persoonsgegevens",
                            "pagina 1 van " + pdf.getNumberOfPages())
                    .doesNotContain("vertrouwelijk", "Veilig Thuis", "ALLEEN VOOR DE FG", bsn);
        }
    }

    @Test
    void aSubjectWithoutHistoryGetsAnEmptyReportAndNoPseudonymIsCreated() {
        int before = pseudonymCount(dataSource);
        Api.Response r = api().post(REPORT, tokens().user("hanna.fg"), body(freshBsn(), "json"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("report").path("total").asInt()).isZero();
        assertThat(pseudonymCount(dataSource)).isEqualTo(before);
        assertThat(entry(dataSource, Long.parseLong(r.header("X-Disclosure-Id")))
                        .subjectPseudonym())
                .isNull();
    }

    @Test
    void professionalsAreRefusedAndBadInputIsNamed() {
        assertThat(api().post(REPORT, tokens().user("anna.plusteam"), body(bsn, "json"))
                        .status())
                .isEqualTo(403);
        Api.Response bad = api().post(REPORT, tokens().user("hanna.fg"), body("123456789", "docx"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("subject.bsn", "format").doesNotContain("123456789");
    }
}
