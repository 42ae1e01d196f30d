package nl.deelpoort.gateway.logstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestServices;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An attacker with superuser rights switches the trigger off and rewrites an entry; the integrity
 * check names it. The entry is put back afterwards, since all integration tests share the database.
 */
class IntegrityCheckIT extends IntegrationTest {

    @Autowired
    DisclosureLog log;

    @Autowired
    Checkpointer checkpointer;

    @Autowired
    LogReader reader;

    @Test
    void aRewrittenEntryIsFoundAndNamed() throws SQLException {
        long seq = log.append(
                LogEntry.builder(EntryKind.DISCLOSURE).decision("DENY").purpose("SIGNAL"));
        checkpointer.checkpointNow();
        byte[] original = reader.entry(seq).orElseThrow().canonical();
        // A well-formed entry, only "PERMIT" where the log said "DENY": the kind of edit that matters.
        byte[] forged = LogEntryCodec.encode(
                LogEntryCodec.decode(original).toBuilder().decision("PERMIT").build());
        String fg = tokens().user("hanna.fg");
        try {
            rewrite(seq, forged);
            Api.Response r = api().get("/api/v1/audit/integrity", fg);
            JsonNode report = r.json();
            assertThat(report.path("status").asString()).isEqualTo("FAILED");
            assertThat(report.path("firstBadSeq").asLong()).isEqualTo(seq);
            assertThat(report.path("problem").asString()).contains("leaf hash does not match");
        } finally {
            rewrite(seq, original);
        }
        assertThat(api().get("/api/v1/audit/integrity", fg)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("OK");
    }

    private static void rewrite(long seq, byte[] canonical) throws SQLException {
        try (Connection su = TestServices.get().database().superuserConnection()) {
            su.setAutoCommit(false);
            try (Statement s = su.createStatement()) {
                s.execute("ALTER TABLE deelpoort.log_entry DISABLE TRIGGER log_entry_append_only");
            }
            try (PreparedStatement ps =
                    su.prepareStatement("UPDATE deelpoort.log_entry SET canonical = ? WHERE seq = ?")) {
                ps.setBytes(1, canonical);
                ps.setLong(2, seq);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (Statement s = su.createStatement()) {
                s.execute("ALTER TABLE deelpoort.log_entry ENABLE ALWAYS TRIGGER log_entry_append_only");
            }
            su.commit();
        }
    }
}
