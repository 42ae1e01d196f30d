package nl.deelpoort.gateway.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes transfers whose time is up: fetched ones after {@code deliveredRetention}
 * (TRANSFER_PURGED), never fetched ones once they expire (TRANSFER_EXPIRED). Each row is deleted in
 * a transaction that commits only after its log entry has, and rows are claimed with {@code FOR
 * UPDATE SKIP LOCKED}, so several gateway instances can run this side by side without logging a row
 * twice.
 */
final class TransferHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TransferHousekeeping.class);
    static final int BATCH = 100;

    private final DataSource dataSource;
    private final DisclosureLog disclosureLog;
    private final ExchangeSettings settings;
    private final Clock clock;
    private ScheduledExecutorService executor;

    TransferHousekeeping(DataSource dataSource, DisclosureLog disclosureLog, ExchangeSettings settings, Clock clock) {
        this.dataSource = dataSource;
        this.disclosureLog = disclosureLog;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one run did. */
    record Result(int purged, int expired) {}

    /** Purges and expires everything due at {@code now}. */
    Result runOnce(Instant now) {
        int purged = drain(
                EntryKind.TRANSFER_PURGED,
                "delivered_at IS NOT NULL AND delivered_at <= ?",
                now.minus(settings.deliveredRetention()));
        int expired = drain(EntryKind.TRANSFER_EXPIRED, "delivered_at IS NULL AND expires_at <= ?", now);
        return new Result(purged, expired);
    }

    private int drain(EntryKind kind, String condition, Instant bound) {
        int total = 0;
        int n;
        do {
            n = batch(kind, condition, bound);
            total += n;
        } while (n == BATCH);
        return total;
    }

    private int batch(EntryKind kind, String condition, Instant bound) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Transfers.Transfer> due = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM transfer WHERE " + condition
                        + " ORDER BY created_at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED")) {
                    ps.setTimestamp(1, Timestamp.from(bound));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            due.add(Transfers.row(rs, 0));
                        }
                    }
                }
                for (Transfers.Transfer t : due) {
                    disclosureLog.append(entry(kind, t));
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM transfer WHERE id = ?")) {
                        ps.setObject(1, t.id());
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return due.size();
            } catch (SQLException | RuntimeException e) {
                // Entries already logged for rows that stay: a retry logs them again. The log then says
                // a transfer was removed twice, never that one vanished without a trace.
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("transfer housekeeping failed: " + e.getMessage(), e);
        }
    }

    private static LogEntry.Builder entry(EntryKind kind, Transfers.Transfer t) {
        return LogEntry.builder(kind)
                .referenceId(Long.toString(t.disclosureSeq()))
                .purpose(t.purpose())
                .legalBasis(t.legalBasis())
                .flow(t.flow())
                .holder(t.sender())
                .holderRole(t.senderRole())
                .recipient(t.recipient())
                .recipientRole(t.recipientRole())
                .subjectPseudonym(t.subjectPseudonym())
                .categoriesReleased(t.categories().stream().map(Enum::name).toList())
                .confidential(t.confidential())
                .attributes(Map.of("transferId", t.id().toString()));
    }

    private void runQuietly() {
        try {
            Result r = runOnce(clock.instant());
            if (r.purged() + r.expired() > 0) {
                log.info("Transfers purged: {}, expired: {}", r.purged(), r.expired());
            }
        } catch (RuntimeException e) {
            log.warn("Transfer housekeeping failed, will retry: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "transfer-housekeeping");
            t.setDaemon(true);
            return t;
        });
        long every = settings.housekeepingInterval().toMillis();
        executor.scheduleWithFixedDelay(this::runQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
