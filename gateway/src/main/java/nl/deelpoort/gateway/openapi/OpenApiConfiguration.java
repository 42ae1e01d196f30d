package nl.deelpoort.gateway.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The document's frame: title, version, contact and the server {@code /api/v1} (relative, so the
 * document is right wherever the gateway runs), and the gateway's own handler arguments, which are
 * not the client's to send.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig()
                // Resolved from the token and the request, never sent by the client.
                .addRequestWrapperToIgnore(Caller.class, RequestTrace.class);
    }

    @Bean
    OpenAPI deelpoortApi(ApiSettings settings) {
        return new OpenAPI()
                .info(new Info()
                        .title("Deelpoort API")
                        .version(settings.version())
                        .description("Data-sharing and consent gateway for the Dutch social domain: every exchange"
                                + " is decided by the sharing framework, written to a verifiable disclosure log"
                                + " before any data leaves, and minimised to the categories allowed. The contract"
                                + " in words is docs/api.md; the roles of every call are in the README, \"Who may"
                                + " call what\".")
                        .contact(new Contact()
                                .name(settings.contact().name())
                                .email(settings.contact().email())
                                .url(settings.contact().url().toString())))
                .addServersItem(new Server().url(ApiDocument.BASE).description("This gateway"))
                .components(new Components());
    }

    @Bean
    ApiDocument apiDocument(ApiSettings settings) {
        return new ApiDocument(settings);
    }

    @Bean
    RuleSchemas ruleSchemas() {
        return new RuleSchemas();
    }
}
