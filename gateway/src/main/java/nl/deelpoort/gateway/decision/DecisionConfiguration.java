package nl.deelpoort.gateway.decision;

import java.time.Clock;
import nl.deelpoort.policy.DecisionEngine;
import nl.deelpoort.policy.Framework;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DecisionConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
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
