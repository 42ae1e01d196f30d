package nl.deelpoort.gateway.onboarding;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway reaches Keycloak's admin API: as the service account of its own client, with the
 * client-credentials grant. {@code serverUrl} and {@code realm} default to what the token issuer
 * ({@code deelpoort.security.issuer}) says, and differ only where the gateway reaches Keycloak by
 * another address than clients do. {@code clientSecret} has no default: production sets {@code
 * DEELPOORT_KEYCLOAK_ADMIN_CLIENT_SECRET}; without it onboarding answers 503 and the realm check is
 * skipped.
 *
 * @param serverUrl Keycloak's base URL for the admin API; default: from the issuer
 * @param realm the realm administered; default: from the issuer
 * @param clientId the client whose service account onboards organisations
 * @param clientSecret that client's secret; without it onboarding answers 503
 * @param checkRealmAtStart whether start-up checks that the service account may do its work
 * @param connectTimeout TCP connect timeout of admin API calls
 * @param readTimeout how long an admin API call may take
 */
@ConfigurationProperties("deelpoort.keycloak-admin")
record KeycloakAdminSettings(
        URI serverUrl,
        String realm,
        @DefaultValue("deelpoort-gateway") String clientId,
        String clientSecret,
        @DefaultValue("true") boolean checkRealmAtStart,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout) {

    boolean hasClientSecret() {
        return clientSecret != null && !clientSecret.isBlank();
    }

    /** Fills server URL and realm from an issuer of the form {@code <server>/realms/<realm>}. */
    KeycloakAdminSettings withDefaultsFrom(URI issuer) {
        String text = issuer.toString().replaceAll("/+$", "");
        int at = text.lastIndexOf("/realms/");
        if (at < 0) {
            if (serverUrl == null || realm == null) {
                throw new IllegalArgumentException("deelpoort.keycloak-admin.server-url and .realm must be set when"
                        + " the issuer is not of the form <server>/realms/<realm>: " + issuer);
            }
            return this;
        }
        return new KeycloakAdminSettings(
                serverUrl != null ? serverUrl : URI.create(text.substring(0, at)),
                realm != null && !realm.isBlank() ? realm : text.substring(at + "/realms/".length()),
                clientId,
                clientSecret,
                checkRealmAtStart,
                connectTimeout,
                readTimeout);
    }

    @Override
    public String toString() {
        // Settings end up in logs and actuator output; the secret must not.
        return "KeycloakAdminSettings[serverUrl=" + serverUrl + ", realm=" + realm + ", clientId=" + clientId
                + ", clientSecret=" + (hasClientSecret() ? "***" : "-") + ", checkRealmAtStart=" + checkRealmAtStart
                + "]";
    }
}
