package nl.deelpoort.gateway.audit.report;

import javax.sql.DataSource;
import nl.deelpoort.policy.Framework;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    @Bean
    Releases releases(DataSource dataSource) {
        return new Releases(dataSource);
    }

    @Bean
    LogboekExport logboekExport(DataSource dataSource) {
        return new LogboekExport(dataSource);
    }

    @Bean
    SubjectAccessReports subjectAccessReports(Releases releases, Wording wording, JsonMapper json) {
        return new SubjectAccessReports(releases, wording, json);
    }

    @Bean
    Wording wording(Framework framework) {
        return new Wording(framework);
    }
}
