package nl.deelpoort.gateway.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import nl.deelpoort.gateway.audit.Release;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.FrameworkLoader;
import org.junit.jupiter.api.Test;

/** The report's content, whatever its format: what art. 15 lists, and nothing confidential. */
class SubjectAccessReportTest {

    private static final Wording WORDS = new Wording(FrameworkLoader.loadDefault());
    private static final Instant NOW = Instant.parse("2026-12-01T09:30:00Z");

    private static Release release(long seq, String holder, String recipient, String agreement, boolean confidential) {
        return new Release(
                seq,
                NOW.minusSeconds(60 * seq),
                EntryKind.DISCLOSURE,
                holder,
                recipient,
                "ACCOUNTABILITY",
                "LEGAL_OBLIGATION",
                "F4",
                agreement,
                List.of("BSN", "CARE_DEPLOYED"),
                confidential);
    }

    @Test
    void theResidentsOwnReportNamesEveryOrganisationsContactAndRetentionButNoConfidentialEntry() {
        SubjectAccessReport report = SubjectAccessReport.of(
                new SubjectAccessReport.Request(Bsn.of("999993653"), Optional.empty(), NOW),
                List.of(
                        release(1, "plusteam", "gemeente-waalre", "ovk-plusteam", false),
                        release(2, "plusteam", "veilig-thuis", "werkafspraken-veilig-thuis", true)),
                WORDS);
        assertThat(report.issuedBy()).isEqualTo("Deelpoort, op uw eigen verzoek");
        assertThat(report.addressedTo()).endsWith("eindigend op 653");
        assertThat(report.total()).isEqualTo(1);
        assertThat(report.sources()).extracting(Wording.Party::id).containsExactly("plusteam");
        SubjectAccessReport.Section contact = section(report, "Contact");
        assertThat(contact.items())
                .containsExactly(
                        "Gemeente Waalre (CMD): e-mail privacy@gemeente-waalre.example, website"
                                + " https://www.gemeente-waalre.example/privacy.",
                        "GR PlusTeam: e-mail fg@plusteam.example, website https://www.plusteam.example/privacy.");
        assertThat(section(report, "Hoe lang worden uw gegevens bewaard?").items())
                .containsExactly(
                        "Samenwerkings- en verwerkersovereenkomst CMD - GR PlusTeam: 20 jaar na de verstrekking.");
        assertThat(report.toString()).doesNotContain("Veilig Thuis", "veilig-thuis", "999993653");
    }

    @Test
    void anOfficersReportComesFromTheirOrganisationWhoseContactComesFirst() {
        SubjectAccessReport report = SubjectAccessReport.of(
                new SubjectAccessReport.Request(Bsn.of("999993653"), Optional.of("gemeente-geldrop-mierlo"), NOW),
                List.of(),
                WORDS);
        assertThat(report.issuedBy()).isEqualTo("Gemeente Geldrop-Mierlo (CMD), functionaris gegevensbescherming");
        assertThat(report.introduction()).contains("U vroeg Gemeente Geldrop-Mierlo (CMD)");
        assertThat(report.total()).isZero();
        assertThat(section(report, "Contact").items())
                .singleElement()
                .asString()
                .startsWith("Gemeente Geldrop-Mierlo (CMD): e-mail privacy@gemeente-geldrop-mierlo.example");
        assertThat(section(report, "Uw rechten").paragraphs())
                .anySatisfy(p -> assertThat(p).contains("artikel 16 AVG"))
                .anySatisfy(p -> assertThat(p).contains("artikel 17 AVG"))
                .anySatisfy(p -> assertThat(p).contains("artikel 18 AVG"))
                .anySatisfy(p -> assertThat(p).contains("artikel 21 AVG"));
    }

    @Test
    void periodsInWords() {
        assertThat(Wording.period(Period.ofYears(20))).isEqualTo("20 jaar");
        assertThat(Wording.period(Period.of(1, 6, 0))).isEqualTo("1 jaar en 6 maanden");
        assertThat(Wording.period(Period.ofMonths(1))).isEqualTo("1 maand");
        assertThat(Wording.period(Period.ofDays(30))).isEqualTo("30 dagen");
    }

    private static SubjectAccessReport.Section section(SubjectAccessReport report, String heading) {
        return report.information().stream()
                .filter(s -> s.heading().equals(heading))
                .findFirst()
                .orElseThrow();
    }
}
