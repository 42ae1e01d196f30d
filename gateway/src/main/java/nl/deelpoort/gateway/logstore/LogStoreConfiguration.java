package nl.deelpoort.gateway.logstore;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import nl.deelpoort.gateway.startup.DevProfile;
import nl.deelpoort.ledger.note.NoteSigner;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The log's objects, ledger ones included, built here rather than annotated where they live. */
@Configuration(proxyBeanMethods = false)
class LogStoreConfiguration {

    /** Outside the dev profile the key must be configured; only dev generates one. */
    @Bean
    NoteSigner logSigner(LogSettings settings, Environment environment) {
        return LogKeys.signer(settings, DevProfile.active(environment));
    }

    /**
     * The sequencer's own connections: same database, user and settings as {@code spring.datasource},
     * {@code deelpoort.log.sequencer-pool-size} of them. Appends then never wait for the main pool,
     * whose connections may all be held by requests that are themselves waiting for their append. Not
     * a default candidate, so the main DataSource stays the only one Spring Boot and the rest see.
     */
    @Bean(destroyMethod = "close", defaultCandidate = false)
    HikariDataSource logSequencerPool(DataSource dataSource, LogSettings settings) throws SQLException {
        HikariDataSource pool = new HikariDataSource();
        dataSource.unwrap(HikariDataSource.class).copyStateTo(pool);
        pool.setPoolName("log-sequencer");
        pool.setMaximumPoolSize(settings.sequencerPoolSize());
        return pool;
    }

    /** The log's meters: append latency, batch size, log size, checkpoint age (docs/observability.md). */
    @Bean
    LogMetrics logMetrics(MeterRegistry meters) {
        return new LogMetrics(meters, Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    LogSequencer logSequencer(
            @Qualifier("logSequencerPool") DataSource pool, LogSettings settings, LogMetrics metrics) {
        return new LogSequencer(
                pool,
                settings.batchSize(),
                settings.batchLinger(),
                settings.queueCapacity(),
                Clock.systemUTC(),
                metrics);
    }

    /**
     * Health contributor {@code logSequencer}, part of the readiness group (application.yml): down
     * while the sequencer cannot commit, judged over one append timeout.
     */
    @Bean
    LogSequencerHealth logSequencerHealthIndicator(LogSequencer sequencer, LogSettings settings) {
        return new LogSequencerHealth(sequencer, settings.appendTimeout());
    }

    @Bean
    DisclosureLog disclosureLog(LogSequencer sequencer, LogSettings settings) {
        return new DisclosureLog(sequencer, settings.appendTimeout());
    }

    @Bean
    SubjectPseudonyms subjectPseudonyms(
            DataSource dataSource, LogSettings settings, DisclosureLog log, Environment environment) {
        return new SubjectPseudonyms(dataSource, LogKeys.pseudonymKey(settings, DevProfile.active(environment)), log);
    }

    @Bean
    LogReader logReader(DataSource dataSource) {
        return new LogReader(dataSource);
    }

    /** Signs checkpoints every {@code deelpoort.log.checkpoint-interval} ({@code @Scheduled}). */
    @Bean
    Checkpointer checkpointer(
            DataSource dataSource, LogReader reader, NoteSigner logSigner, LogSettings settings, LogMetrics metrics) {
        return new Checkpointer(dataSource, reader, logSigner, settings.origin(), metrics);
    }

    /** Entries as each caller may see them, for the log endpoint and the console. */
    @Bean
    LogEntries logEntries(LogReader reader) {
        return new LogEntries(reader);
    }

    /** Proves entries against the latest signed checkpoint, for the audit's hits and the console. */
    @Bean
    CheckpointInclusion checkpointInclusion(LogReader reader, NoteSigner logSigner) {
        return new CheckpointInclusion(reader, logSigner.verifier());
    }

    /** Re-verifies the log every {@code deelpoort.log.integrity-interval} ({@code @Scheduled}). */
    @Bean
    IntegrityCheck integrityCheck(DataSource dataSource, LogReader reader, NoteSigner logSigner, MeterRegistry meters) {
        IntegrityCheck check = new IntegrityCheck(dataSource, reader, logSigner.verifier(), Clock.systemUTC());
        Gauge.builder("deelpoort.log.integrity.ok", check, IntegrityCheck::lastOk)
                .description("1 if the last check of the disclosure log against its checkpoints passed, 0 if not")
                .register(meters);
        return check;
    }
}
