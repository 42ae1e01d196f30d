package nl.deelpoort.gateway.onboarding;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.deelpoort.gateway.security.Caller;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Once the gateway is up, asks Keycloak whether the realm has what the gateway relies on: the five
 * realm roles of the contract and Organizations switched on. A realm imported from an old file or
 * edited by hand fails in confusing ways later (every call 403, no organisation in tokens); a WARN
 * naming what is missing says why at once. It never stops the gateway: Keycloak may simply be
 * starting too, and tokens keep validating from the cached keys.
 */
record RealmCheck(Keycloak keycloak, KeycloakAdminSettings settings) {
    private static final Logger log = LoggerFactory.getLogger(RealmCheck.class);

    static final List<String> REQUIRED_ROLES = List.of(
            Caller.PROFESSIONAL, Caller.PRIVACY_OFFICER, Caller.RESIDENT, Caller.GATEWAY_ADMIN, Caller.PARTNER_SYSTEM);

    /** What the realm lacks, or why it could not be asked. */
    sealed interface Outcome {
        record Complete() implements Outcome {}

        record Missing(List<String> what) implements Outcome {}

        record NotChecked(String why) implements Outcome {}
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!settings.checkRealmAtStart()) {
            return;
        }
        Outcome outcome = check();
        if (outcome instanceof Outcome.Complete) {
            log.info("Keycloak realm {} has the roles and settings the gateway needs", settings.realm());
        } else if (outcome instanceof Outcome.Missing missing) {
            log.warn(
                    "Keycloak realm {} at {} lacks what the gateway needs: {}. Callers will be refused until it is fixed.",
                    settings.realm(),
                    settings.serverUrl(),
                    String.join("; ", missing.what()));
        } else if (outcome instanceof Outcome.NotChecked notChecked) {
            log.warn("Keycloak realm {} not checked at start: {}", settings.realm(), notChecked.why());
        }
    }

    Outcome check() {
        if (!settings.hasClientSecret()) {
            return new Outcome.NotChecked("deelpoort.keycloak-admin.client-secret is not set");
        }
        try {
            RealmResource realm = keycloak.realm(settings.realm());
            RealmRepresentation representation = realm.toRepresentation();
            List<String> missing = new ArrayList<>();
            Set<String> roles = realm.roles().list().stream()
                    .map(RoleRepresentation::getName)
                    .collect(Collectors.toSet());
            REQUIRED_ROLES.stream().filter(r -> !roles.contains(r)).forEach(r -> missing.add("realm role " + r));
            if (!Boolean.TRUE.equals(representation.isOrganizationsEnabled())) {
                missing.add("Organizations are not enabled");
            }
            return missing.isEmpty() ? new Outcome.Complete() : new Outcome.Missing(List.copyOf(missing));
        } catch (NotFoundException e) {
            return new Outcome.Missing(List.of("the realm " + settings.realm() + " does not exist"));
        } catch (ProcessingException e) {
            return new Outcome.NotChecked("Keycloak at " + settings.serverUrl() + " is unreachable (" + e.getMessage()
                    + "); the gateway goes on and will validate tokens once it answers");
        } catch (WebApplicationException e) {
            return new Outcome.NotChecked("Keycloak answered " + e.getResponse().getStatus()
                    + "; check deelpoort.keycloak-admin.client-secret and the realm-management roles of the"
                    + " service account of " + settings.clientId());
        }
    }
}
