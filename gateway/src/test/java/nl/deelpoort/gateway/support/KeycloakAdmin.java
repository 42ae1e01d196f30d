package nl.deelpoort.gateway.support;

import nl.deelpoort.keycloak.KeycloakLauncher;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/** The tests' Keycloak administrator (the dev master realm's admin), for changes a test needs. */
public final class KeycloakAdmin {

    private KeycloakAdmin() {}

    /** A new admin client; close it when done. */
    public static Keycloak open() {
        return KeycloakBuilder.builder()
                .serverUrl(TestServices.get().keycloak().baseUrl())
                .realm("master")
                .clientId("admin-cli")
                .username(KeycloakLauncher.DEV_ADMIN_USER)
                .password(KeycloakLauncher.DEV_ADMIN_PASSWORD)
                .build();
    }
}
