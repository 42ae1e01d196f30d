package nl.deelpoort.gateway.audit.report;

import javax.sql.DataSource;
import nl.deelpoort.policy.Framework;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    @Bean
    Releases releases(DataSource dataSource) {
        return new Releases(dataSource);
    }

    @Bean
    Wording wording(Framework framework) {
        return new Wording(framework);
    }
}
