package nl.deelpoort.gateway.decision;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DecisionConfiguration {

    /** The gateway's one clock (UTC); tests and features take it from here. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
