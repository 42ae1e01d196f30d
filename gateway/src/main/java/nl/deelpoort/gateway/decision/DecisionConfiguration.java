package nl.deelpoort.gateway.decision;

import java.time.Clock;
import java.util.List;
import nl.deelpoort.policy.DecisionEngine;
import nl.deelpoort.policy.Facts;
import nl.deelpoort.policy.Framework;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DecisionConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Until the grounds feature records consents, overrides and measures, no subject has any: every
     * consent- or measure-bound flow refuses (fail closed), and flows on another basis decide as
     * usual. The grounds feature replaces this bean with its store.
     */
    @Bean
    @ConditionalOnMissingBean(GroundsFacts.class)
    GroundsFacts noRecordedGrounds() {
        return (pseudonym, invokedOverrideId) -> new Facts(List.of(), List.of(), List.of(), invokedOverrideId);
    }

    @Bean
    DecisionEntries decisionEntries(Framework framework) {
        return new DecisionEntries(framework);
    }

    @Bean
    DecisionService decisionService(DecisionEngine engine, GroundsFacts grounds, Clock clock) {
        return new DecisionService(engine, grounds, clock);
    }
}
