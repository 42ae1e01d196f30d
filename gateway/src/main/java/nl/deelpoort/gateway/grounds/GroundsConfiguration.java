package nl.deelpoort.gateway.grounds;

import nl.deelpoort.policy.ConsentGiverRules;
import nl.deelpoort.policy.ConsentScopeRules;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.MeasureRules;
import nl.deelpoort.policy.OverrideRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy's rules the grounds feature applies, built here from the framework in force (the policy
 * module knows no Spring). {@link RecordedGrounds} is the {@link
 * nl.deelpoort.gateway.decision.GroundsFacts} of the gateway: decisions weigh the grounds recorded here.
 */
@Configuration(proxyBeanMethods = false)
class GroundsConfiguration {

    @Bean
    ConsentGiverRules consentGiverRules(Framework framework) {
        return ConsentGiverRules.of(framework);
    }

    @Bean
    ConsentScopeRules consentScopeRules(Framework framework) {
        return new ConsentScopeRules(framework);
    }

    @Bean
    OverrideRules overrideRules(Framework framework) {
        return new OverrideRules(framework);
    }

    @Bean
    MeasureRules measureRules(Framework framework) {
        return new MeasureRules(framework);
    }
}
