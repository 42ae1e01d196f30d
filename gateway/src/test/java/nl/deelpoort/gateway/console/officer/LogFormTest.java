package nl.deelpoort.gateway.console.officer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogFormTest {

    private static LogForm form(String bsn, String purpose, String page) {
        return new LogForm(bsn, "2026-09-01", " ", purpose, null, "DENY", "", null, null, null, page, "20", null);
    }

    @Test
    void theAddressCarriesTheFiltersButNeverTheBsn() {
        LogForm f = form("999993653", "MDO", "2");
        assertThat(f.hasSubject()).isTrue();
        assertThat(f.query())
                .isEqualTo("/console/log?from=2026-09-01&purpose=MDO&decision=DENY&size=20&page=2")
                .doesNotContain("999993653");
        assertThat(f.withoutSubject().hasSubject()).isFalse();
    }

    @Test
    void blankIsAbsentAndABsnMayBeTypedInGroups() {
        LogForm f = form(" 9999 93.653 ", null, null);
        assertThat(f.bsn()).isEqualTo("999993653");
        assertThat(f.to()).isNull();
        assertThat(f.reasonCode()).isNull();
        assertThat(f.request(null, 20, null).subject().bsn()).isEqualTo("999993653");
    }

    @Test
    void anotherPageKeepsEveryFilterAndTheFirstPagesEntry() {
        LogForm next = form(null, "MDO", "0").atPage(1, 1234);
        assertThat(next.page()).isEqualTo("1");
        assertThat(next.query())
                .isEqualTo("/console/log?from=2026-09-01&purpose=MDO&decision=DENY&size=20&page=1&beforeSeq=1234");
    }
}
