package nl.deelpoort.gateway.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.deelpoort.gateway.audit.Release;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import org.junit.jupiter.api.Test;

/** Which log entries count as a release of data, without a database. */
class ReleasesTest {

    private static LogEntry entry(long seq, EntryKind kind, String decision, String reference, String... released) {
        return LogEntry.builder(kind)
                .seq(seq)
                .registeredAt(Instant.parse("2026-11-22T10:00:00Z").plusSeconds(seq))
                .decision(decision)
                .holder("plusteam")
                .recipient("gemeente-waalre")
                .purpose("ACCOUNTABILITY")
                .categoriesReleased(List.of(released))
                .referenceId(reference)
                .build();
    }

    private static List<Long> ids(List<LogEntry> entries) {
        return Releases.releases(entries).stream().map(Release::disclosureId).toList();
    }

    @Test
    void permitsAndPartialsWithReleasedCategoriesCountDenialsAndEvaluationsDoNot() {
        assertThat(ids(List.of(
                        entry(5, EntryKind.DISCLOSURE, "PERMIT", null, "BSN"),
                        entry(4, EntryKind.TRANSFER, "PARTIAL", null, "BSN", "CARE_DEPLOYED"),
                        entry(3, EntryKind.DISCLOSURE, "DENY", null),
                        entry(2, EntryKind.EVALUATION, "PERMIT", null, "BSN"),
                        entry(1, EntryKind.DISCLOSURE, "PERMIT", null))))
                .containsExactly(5L, 4L);
    }

    @Test
    void aDisclosureWhoseDeliveryFailedReleasedNothing() {
        assertThat(ids(List.of(
                        entry(8, EntryKind.DELIVERY_FAILED, null, "7"),
                        entry(7, EntryKind.DISCLOSURE, "PERMIT", null, "BSN"))))
                .isEmpty();
    }

    @Test
    void aReceiptCountsOnlyWhenItsTransferIsNotInView() {
        assertThat(ids(List.of(
                        entry(11, EntryKind.RECEIPT, null, "10", "BSN"),
                        entry(10, EntryKind.TRANSFER, "PERMIT", null, "BSN"),
                        entry(9, EntryKind.RECEIPT, null, "2", "BSN"))))
                .containsExactly(10L, 9L);
    }
}
