package nl.deelpoort.gateway.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.ledger.EntryKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes transfers whose time is up, every {@code deelpoort.exchange.housekeeping-interval}
 * (default one minute): fetched ones after {@code deliveredRetention} (TRANSFER_PURGED), never
 * fetched ones once they expire (TRANSFER_EXPIRED). Each batch is deleted in a transaction that
 * commits only after its log entries have, and rows are locked {@code FOR UPDATE SKIP LOCKED}, so
 * several gateway instances can run this side by side without logging a row twice.
 */
@Component
record TransferHousekeeping(
        Transfers transfers,
        DisclosureLog disclosureLog,
        ExchangeSettings settings,
        TransactionTemplate transactions,
        Clock clock) {
    private static final Logger log = LoggerFactory.getLogger(TransferHousekeeping.class);
    private static final int BATCH = 100;

    /** What one run did. */
    record Result(int purged, int expired) {}

    @Scheduled(
            initialDelayString = "${deelpoort.exchange.housekeeping-interval:1m}",
            fixedDelayString = "${deelpoort.exchange.housekeeping-interval:1m}")
    void run() {
        try {
            Result r = runOnce(clock.instant());
            if (r.purged() + r.expired() > 0) {
                log.info("Transfers purged: {}, expired: {}", r.purged(), r.expired());
            }
        } catch (RuntimeException e) {
            log.warn("Transfer housekeeping failed, will retry: {}", e.getMessage());
        }
    }

    /** Purges and expires everything due at {@code now}. */
    Result runOnce(Instant now) {
        Instant fetchedBefore = now.minus(settings.deliveredRetention());
        int purged = drain(EntryKind.TRANSFER_PURGED, () -> transfers.lockFetchedBefore(fetchedBefore, BATCH));
        int expired = drain(EntryKind.TRANSFER_EXPIRED, () -> transfers.lockExpired(now, BATCH));
        return new Result(purged, expired);
    }

    private int drain(EntryKind kind, Supplier<List<Transfer>> due) {
        int total = 0;
        int n;
        do {
            // On a failure the batch is rolled back; entries already logged for rows that stay are
            // logged again by the retry. The log then says a transfer was removed twice, never that
            // one vanished without a trace.
            n = transactions.execute(status -> {
                List<Transfer> batch = due.get();
                for (Transfer t : batch) {
                    disclosureLog.append(t.entry(kind));
                    transfers.delete(t.id());
                }
                return batch.size();
            });
            total += n;
        } while (n == BATCH);
        return total;
    }
}
