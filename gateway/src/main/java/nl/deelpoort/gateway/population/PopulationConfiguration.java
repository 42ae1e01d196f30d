package nl.deelpoort.gateway.population;

import java.time.Clock;
import nl.deelpoort.gateway.resilience.CallGuards;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PopulationConfiguration {

    @Bean
    PopulationRegister populationRegister(PopulationSettings settings, Clock clock, CallGuards guards) {
        return new BrpClient(settings, BrpCredentials.of(settings, clock), clock, guards);
    }
}
