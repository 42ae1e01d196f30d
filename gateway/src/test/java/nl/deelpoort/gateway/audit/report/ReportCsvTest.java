package nl.deelpoort.gateway.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 4180 quoting of single fields. */
class ReportCsvTest {

    @Test
    void plainFieldsStayAsTheyAre() {
        assertThat(ReportCsv.field("Gemeente Waalre (CMD)")).isEqualTo("Gemeente Waalre (CMD)");
        assertThat(ReportCsv.field(null)).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(ReportCsv.field("naam, geboortedatum en adres")).isEqualTo("\"naam, geboortedatum en adres\"");
        assertThat(ReportCsv.field("de \"PlusTeam\" regio")).isEqualTo("\"de \"\"PlusTeam\"\" regio\"");
        assertThat(ReportCsv.field("regel 1\r\nregel 2")).isEqualTo("\"regel 1\r\nregel 2\"");
    }

    @Test
    void aLeadingHashIsQuotedSoTheRowIsNotTakenForAComment() {
        assertThat(ReportCsv.field("#1")).isEqualTo("\"#1\"");
    }
}
