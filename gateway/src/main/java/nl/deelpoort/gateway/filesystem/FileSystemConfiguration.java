package nl.deelpoort.gateway.filesystem;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FileSystemConfiguration {

    @Bean
    CaseFileClient caseFileClient(CaseFileSettings settings, Clock clock) {
        return new CaseFileClient(settings, clock);
    }
}
