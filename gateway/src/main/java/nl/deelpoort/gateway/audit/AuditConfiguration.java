package nl.deelpoort.gateway.audit;

import javax.sql.DataSource;
import nl.deelpoort.gateway.logstore.CheckpointInclusion;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.ledger.note.NoteSigner;
import nl.deelpoort.policy.Framework;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    CheckpointInclusion auditCheckpointInclusion(DataSource dataSource, NoteSigner logSigner) {
        return new CheckpointInclusion(dataSource, logSigner.verifier());
    }

    @Bean
    AuditQueries auditQueries(JdbcTemplate jdbc) {
        return new AuditQueries(jdbc);
    }

    @Bean
    AuditRequests auditRequests(Framework framework, SubjectPseudonyms pseudonyms) {
        return new AuditRequests(framework, pseudonyms);
    }

    @Bean
    AuditTrail auditTrail(DisclosureLog log) {
        return new AuditTrail(log);
    }
}
