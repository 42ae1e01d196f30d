package nl.deelpoort.gateway.logstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.deelpoort.ledger.EntryField;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.ledger.Pseudonyms;
import nl.deelpoort.ledger.merkle.MerkleHash;
import org.junit.jupiter.api.Test;

/** The bytes the sequencer writes from a prepared entry are the codec's bytes, whatever the seq and time. */
class PreparedEntryTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final List<Long> SEQS = List.of(0L, 1L, 9L, 10L, 99L, 1_000_000L, 12_345_678_901L, (1L << 53) - 1);

    private static final List<Instant> TIMES = List.of(
            Instant.EPOCH,
            Instant.parse("2026-12-01T11:59:59.999Z"),
            Instant.parse("0000-01-01T00:00:00Z"),
            Instant.parse("9999-12-31T23:59:59.999Z"),
            Instant.now());

    @Test
    void theSplicedBytesAndLeafHashAreTheCodecsForEverySeqAndTime() {
        for (LogEntry entry : entries()) {
            String salt = LogEntry.newSalt(RANDOM);
            PreparedEntry prepared = PreparedEntry.of(entry, salt);
            for (long seq : SEQS) {
                for (Instant time : TIMES) {
                    byte[] expected = LogEntryCodec.encode(entry.sequenced(seq, time, salt));
                    byte[] canonical = prepared.canonical(seq, PreparedEntry.time(time));
                    assertThat(canonical)
                            .as("%s at %d, %s", entry.kind(), seq, time)
                            .isEqualTo(expected);
                    assertThat(prepared.leafHash(canonical)).isEqualTo(MerkleHash.leafHash(expected));
                }
            }
        }
    }

    @Test
    void theSearchColumnsAreTheFieldsValues() {
        LogEntry entry = entries().get(0);
        PreparedEntry prepared = PreparedEntry.of(entry, LogEntry.newSalt(RANDOM));
        assertThat(PreparedEntry.COLUMNS).doesNotContain(EntryField.SEQ, EntryField.REGISTERED_AT);
        for (int i = 0; i < PreparedEntry.COLUMNS.size(); i++) {
            assertThat(prepared.column(i))
                    .isEqualTo(PreparedEntry.COLUMNS.get(i).json(entry));
        }
        assertThat(prepared.column(PreparedEntry.COLUMNS.indexOf(EntryField.PURPOSE)))
                .isEqualTo("ESCALATION");
    }

    @Test
    void aMalformedEntryFailsWhenPrepared() {
        LogEntry entry = LogEntry.builder(EntryKind.EVALUATION).build();
        assertThatThrownBy(() -> PreparedEntry.of(entry, "not a salt")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A minimal entry, a full one, and ones whose attributes (the one object member, sorted before
     * registeredAt) and texts hold the very member names the sequencer looks for.
     */
    private static List<LogEntry> entries() {
        return List.of(
                LogEntry.builder(EntryKind.DISCLOSURE)
                        .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
                        .spanId("00f067aa0ba902b7")
                        .callerSpanId("00f067aa0ba902b8")
                        .decision("PARTIAL")
                        .reasonCodes(List.of("CATEGORY_NOT_IN_FLOW"))
                        .purpose("ESCALATION")
                        .legalBasis("CONSENT")
                        .flow("F1")
                        .agreement("convenant-plusteam-2026")
                        .requestingOrganisation("plusteam")
                        .actingRole("ADVISOR")
                        .user("3f1c2b9e-7a4d-4e8b-9c1a-2d5e6f7a8b9c")
                        .client("plusteam-system")
                        .holder("gemeente-waalre")
                        .recipient("porthos")
                        .subjectPseudonym(Pseudonyms.pseudonym(new byte[32]))
                        .categoriesRequested(List.of("BSN", "PERSONALIA"))
                        .categoriesReleased(List.of("BSN"))
                        .consentId("c-2026-0042")
                        .retentionUntil(LocalDate.of(2041, 11, 22))
                        .build(),
                LogEntry.builder(EntryKind.EVALUATION).build(),
                LogEntry.builder(EntryKind.EVALUATION)
                        .attributes(
                                Map.of("registeredAt", "1970-01-01T00:00:00.000Z", "seq", "0", "zz", "\",\"seq\":0"))
                        .purpose(",\"registeredAt\":\"1970-01-01T00:00:00.000Z\"")
                        .user(",\"seq\":0,")
                        .build());
    }
}
