package nl.deelpoort.gateway.logstore;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.deelpoort.gateway.logstore.LogReader.StoredCheckpoint;

/**
 * The disclosure log's meters (docs/observability.md, "Metrics"): how long an append waits for its
 * commit and how large the sequencer's batches are, fed by {@link LogSequencer}; the log's size and
 * the age of its latest signed checkpoint, fed by the sequencer's commits and the {@link
 * Checkpointer}'s runs, so that a scrape never touches the database.
 */
final class LogMetrics {

    private final Timer committed;
    private final Timer failed;
    private final DistributionSummary batchSize;
    private final AtomicLong size = new AtomicLong(-1);
    private volatile StoredCheckpoint checkpoint;

    LogMetrics(MeterRegistry meters, Clock clock) {
        Timer.Builder append = Timer.builder("deelpoort.log.append")
                .description("From handing an entry to the log sequencer to its durable commit (or failure)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10));
        this.committed = append.tag("outcome", "committed").register(meters);
        this.failed = append.tag("outcome", "failed").register(meters);
        this.batchSize = DistributionSummary.builder("deelpoort.log.batch.size")
                .description("Entries per sequencer transaction")
                .baseUnit("entries")
                .register(meters);
        Gauge.builder("deelpoort.log.size", this, m -> m.size.get() < 0 ? Double.NaN : m.size.get())
                .description("Entries in the disclosure log, as last seen by this instance")
                .baseUnit("entries")
                .register(meters);
        Gauge.builder(
                        "deelpoort.log.checkpoint.size",
                        this,
                        m -> m.checkpoint == null ? Double.NaN : m.checkpoint.treeSize())
                .description("Entries covered by the latest signed checkpoint")
                .baseUnit("entries")
                .register(meters);
        Gauge.builder("deelpoort.log.checkpoint.age", this, m -> m.checkpointAge(clock))
                .description("Seconds since the latest signed checkpoint was made")
                .baseUnit("seconds")
                .register(meters);
    }

    void appended(long nanos) {
        committed.record(nanos, TimeUnit.NANOSECONDS);
    }

    void appendFailed(long nanos) {
        failed.record(nanos, TimeUnit.NANOSECONDS);
    }

    void batch(int entries) {
        batchSize.record(entries);
    }

    /** The log holds at least {@code entries} (several instances may append: the largest seen wins). */
    void logSize(long entries) {
        size.accumulateAndGet(entries, Math::max);
    }

    void checkpointed(StoredCheckpoint latest) {
        checkpoint = latest;
        logSize(latest.treeSize());
    }

    private double checkpointAge(Clock clock) {
        StoredCheckpoint c = checkpoint;
        return c == null
                ? Double.NaN
                : Duration.between(c.createdAt(), clock.instant()).toMillis() / 1000.0;
    }
}
