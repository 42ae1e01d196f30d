package nl.deelpoort.gateway.logstore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import nl.deelpoort.ledger.note.NoteSigner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The log's objects, ledger ones included, built here rather than annotated where they live. */
@Configuration(proxyBeanMethods = false)
class LogStoreConfiguration {

    @Bean
    NoteSigner logSigner(LogSettings settings) {
        return LogKeys.signer(settings);
    }

    @Bean(destroyMethod = "close")
    LogSequencer logSequencer(DataSource dataSource, LogSettings settings) {
        return new LogSequencer(
                dataSource, settings.batchSize(), settings.batchLinger(), settings.queueCapacity(), Clock.systemUTC());
    }

    @Bean
    DisclosureLog disclosureLog(LogSequencer sequencer, LogSettings settings) {
        return new DisclosureLog(sequencer, settings.appendTimeout());
    }

    @Bean
    SubjectPseudonyms subjectPseudonyms(DataSource dataSource, LogSettings settings, DisclosureLog log) {
        return new SubjectPseudonyms(dataSource, LogKeys.pseudonymKey(settings), log);
    }

    @Bean
    LogReader logReader(DataSource dataSource) {
        return new LogReader(dataSource);
    }

    @Bean
    Checkpointer checkpointer(DataSource dataSource, NoteSigner logSigner, LogSettings settings) {
        return new Checkpointer(dataSource, logSigner, settings.origin());
    }

    @Bean
    IntegrityCheck integrityCheck(DataSource dataSource, NoteSigner logSigner, MeterRegistry meters) {
        IntegrityCheck check = new IntegrityCheck(dataSource, logSigner.verifier(), Clock.systemUTC());
        Gauge.builder("deelpoort.log.integrity.ok", check, IntegrityCheck::lastOk)
                .description("1 if the last check of the disclosure log against its checkpoints passed, 0 if not")
                .register(meters);
        return check;
    }

    @Bean
    LogBackgroundTasks logBackgroundTasks(Checkpointer checkpointer, IntegrityCheck integrity, LogSettings settings) {
        return new LogBackgroundTasks(checkpointer, integrity, settings);
    }
}
