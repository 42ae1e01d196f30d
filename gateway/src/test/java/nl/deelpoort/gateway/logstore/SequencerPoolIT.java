package nl.deelpoort.gateway.logstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Requests may hold a connection of the main pool (and a lock) while they wait for their entry to be
 * committed. With every main connection held that way, the sequencer must still commit: it has a pool
 * of its own.
 */
class SequencerPoolIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    DisclosureLog log;

    @Autowired
    LogReader reader;

    @Test
    void anAppendCommitsWhileEveryConnectionOfTheMainPoolIsHeld() throws Exception {
        HikariDataSource main = dataSource.unwrap(HikariDataSource.class);
        String marker = UUID.randomUUID().toString();
        List<Connection> held = new ArrayList<>();
        long seq;
        try {
            while (held.size() < main.getMaximumPoolSize()) {
                held.add(main.getConnection());
            }
            assertThat(main.getHikariPoolMXBean().getActiveConnections()).isEqualTo(main.getMaximumPoolSize());
            seq = log.append(LogEntry.builder(EntryKind.EVALUATION).attributes(Map.of("probe", marker)));
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        LogReader.StoredEntry stored = reader.entry(seq).orElseThrow();
        assertThat(LogEntryCodec.decode(stored.canonical()).attributes()).containsEntry("probe", marker);
    }
}
