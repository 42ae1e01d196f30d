package nl.deelpoort.gateway.filesystem;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.deelpoort.gateway.resilience.CallGuards;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FileSystemConfiguration {

    @Bean
    CaseFileClient caseFileClient(CaseFileSettings settings, Clock clock, CallGuards guards, MeterRegistry meters) {
        return new CaseFileClient(settings, clock, guards, meters);
    }
}
