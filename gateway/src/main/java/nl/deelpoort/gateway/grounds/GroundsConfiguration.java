package nl.deelpoort.gateway.grounds;

import java.time.Clock;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.policy.Framework;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The grounds feature, built in explicit bean methods (STYLE 3). {@link RecordedGrounds} is the
 * {@link nl.deelpoort.gateway.decision.GroundsFacts} of the gateway: decisions weigh the grounds recorded here.
 */
@Configuration(proxyBeanMethods = false)
class GroundsConfiguration {

    @Bean
    RecordedGrounds recordedGrounds(JdbcTemplate jdbc, Clock clock) {
        return new RecordedGrounds(jdbc, clock);
    }

    @Bean
    Consents consents(
            Framework framework,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            SubjectPseudonyms pseudonyms,
            DisclosureLog log,
            Clock clock,
            GroundsSettings settings) {
        return new Consents(
                framework,
                new ConsentStore(jdbc),
                jdbc,
                new TransactionTemplate(transactions),
                pseudonyms,
                log,
                clock,
                settings);
    }

    @Bean
    Overrides overrides(
            Framework framework,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            SubjectPseudonyms pseudonyms,
            DisclosureLog log,
            Clock clock,
            GroundsSettings settings) {
        return new Overrides(
                framework,
                new OverrideStore(jdbc),
                jdbc,
                new TransactionTemplate(transactions),
                pseudonyms,
                log,
                clock,
                settings);
    }

    @Bean
    Measures measures(
            Framework framework,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            SubjectPseudonyms pseudonyms,
            DisclosureLog log,
            Clock clock) {
        return new Measures(
                framework, new MeasureStore(jdbc), jdbc, new TransactionTemplate(transactions), pseudonyms, log, clock);
    }
}
