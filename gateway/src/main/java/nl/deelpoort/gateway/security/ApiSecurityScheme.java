package nl.deelpoort.gateway.security;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * How the OpenAPI document says callers authenticate: OpenID Connect at the realm the gateway trusts
 * (its discovery document names the token endpoint for both grants the contract uses), on every
 * operation. The document itself is public and does not describe itself.
 */
@Component
record ApiSecurityScheme(SecuritySettings settings) implements OpenApiCustomizer {

    static final String NAME = "keycloak";

    @Override
    public void customise(OpenAPI api) {
        api.getComponents()
                .addSecuritySchemes(
                        NAME,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.OPENIDCONNECT)
                                .openIdConnectUrl(settings.issuer() + "/.well-known/openid-configuration")
                                .description("An access token of the Keycloak realm (authorization code with PKCE for"
                                        + " people, client credentials for partner systems) whose audience holds "
                                        + settings.audience() + ", sent as Authorization: Bearer. The caller's"
                                        + " organisation is the token's organization claim; realm roles decide"
                                        + " which calls it may make (README, \"Who may call what\")."));
        api.addSecurityItem(new SecurityRequirement().addList(NAME));
    }
}
