package nl.deelpoort.gateway.grounds;

import java.time.Clock;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.policy.Framework;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The grounds feature, built in explicit bean methods. {@link RecordedGrounds} is the {@link
 * nl.deelpoort.gateway.decision.GroundsFacts} of the gateway: decisions weigh the grounds recorded here.
 */
@Configuration(proxyBeanMethods = false)
class GroundsConfiguration {

    @Bean
    RecordedGrounds recordedGrounds(JdbcClient jdbc, Clock clock) {
        return new RecordedGrounds(jdbc, clock);
    }

    @Bean
    GroundEvents groundEvents(JdbcClient jdbc, TransactionTemplate tx, DisclosureLog log) {
        return new GroundEvents(jdbc, tx, log);
    }

    @Bean
    Consents consents(
            Framework framework,
            JdbcClient jdbc,
            GroundEvents events,
            SubjectPseudonyms pseudonyms,
            Clock clock,
            GroundsSettings settings) {
        return new Consents(framework, new ConsentStore(jdbc), events, pseudonyms, clock, settings);
    }

    @Bean
    Overrides overrides(
            Framework framework,
            JdbcClient jdbc,
            GroundEvents events,
            SubjectPseudonyms pseudonyms,
            Clock clock,
            GroundsSettings settings) {
        return new Overrides(framework, new OverrideStore(jdbc), events, pseudonyms, clock, settings);
    }

    @Bean
    Measures measures(
            Framework framework, JdbcClient jdbc, GroundEvents events, SubjectPseudonyms pseudonyms, Clock clock) {
        return new Measures(framework, new MeasureStore(jdbc), events, pseudonyms, clock);
    }
}
