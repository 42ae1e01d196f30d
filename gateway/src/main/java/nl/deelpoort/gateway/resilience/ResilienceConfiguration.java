package nl.deelpoort.gateway.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    @Bean
    CallGuards callGuards(Clock clock, MeterRegistry meters) {
        return new CallGuards(clock).bindTo(meters);
    }
}
