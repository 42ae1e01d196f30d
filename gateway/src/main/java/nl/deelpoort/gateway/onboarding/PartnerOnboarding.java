package nl.deelpoort.gateway.onboarding;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.deelpoort.gateway.onboarding.OnboardingController.Onboarded;
import nl.deelpoort.gateway.onboarding.OnboardingRequest.NewOrganisation;
import nl.deelpoort.gateway.security.Caller;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, in one step, what a partner organisation needs to call the gateway: a Keycloak
 * Organization and a confidential {@code <id>-system} client built like the realm file's system
 * clients (same default scopes, audience mapper and hard-coded {@code organization} claim), whose
 * service account holds {@code partner-system}.
 *
 * <p>Keycloak has no transaction across admin calls, so a failure after the first object was made
 * removes what this call made, in reverse order: a half-onboarded organisation would block a retry
 * with a 409 and leave an identity nobody asked for.
 */
record PartnerOnboarding(Keycloak keycloak, KeycloakAdminSettings settings) {
    private static final Logger log = LoggerFactory.getLogger(PartnerOnboarding.class);

    /** As the realm file's system clients have them. */
    static final List<String> DEFAULT_CLIENT_SCOPES =
            List.of("basic", "roles", "profile", "email", "web-origins", "acr");

    Onboarded onboard(NewOrganisation request) {
        return call("onboarding " + request.id(), () -> {
            RealmResource realm = keycloak.realm(settings.realm());
            String clientId = request.systemClientId();
            // Checked first so the common conflict (the same id twice) creates nothing at all.
            if (!realm.clients().findByClientId(clientId).isEmpty()) {
                throw new OnboardingConflictException("Client " + clientId + " already exists.");
            }
            String organisationId = createOrganisation(realm, request);
            String clientUuid;
            try {
                clientUuid = createClient(realm, request);
            } catch (RuntimeException e) {
                // Compensate: without its client the organisation is of no use and would block a retry.
                deleteQuietly(
                        "organisation " + request.id(),
                        () -> realm.organizations().get(organisationId).delete().close());
                throw e;
            }
            try {
                RoleRepresentation partner =
                        realm.roles().get(Caller.PARTNER_SYSTEM).toRepresentation();
                String serviceAccount =
                        realm.clients().get(clientUuid).getServiceAccountUser().getId();
                realm.users().get(serviceAccount).roles().realmLevel().add(List.of(partner));
                String secret = realm.clients().get(clientUuid).getSecret().getValue();
                log.info("Onboarded organisation {} (client {})", request.id(), clientId);
                return new Onboarded(request.id().value(), clientId, secret, organisationId);
            } catch (RuntimeException e) {
                // Compensate both: a client without partner-system would authenticate but be refused everywhere.
                deleteQuietly(
                        "client " + clientId,
                        () -> realm.clients().get(clientUuid).remove());
                deleteQuietly(
                        "organisation " + request.id(),
                        () -> realm.organizations().get(organisationId).delete().close());
                throw e;
            }
        });
    }

    private static String createOrganisation(RealmResource realm, NewOrganisation request) {
        OrganizationRepresentation organisation = new OrganizationRepresentation();
        organisation.setAlias(request.id().value());
        organisation.setName(request.name());
        organisation.setDescription(request.name());
        organisation.setEnabled(true);
        request.domain().ifPresent(d -> organisation.addDomain(new OrganizationDomainRepresentation(d)));
        try (Response response = realm.organizations().create(organisation)) {
            if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                throw new OnboardingConflictException(
                        "An organisation with id " + request.id() + ", this name or this domain already exists.");
            }
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private static String createClient(RealmResource realm, NewOrganisation request) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(request.systemClientId());
        client.setName(request.name() + ": partner system");
        client.setEnabled(true);
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(true);
        client.setProtocol("openid-connect");
        client.setDefaultClientScopes(DEFAULT_CLIENT_SCOPES);
        client.setProtocolMappers(
                List.of(audienceMapper(), organisationMapper(request.id().value())));
        try (Response response = realm.clients().create(client)) {
            if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                throw new OnboardingConflictException("Client " + request.systemClientId() + " already exists.");
            }
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    static ProtocolMapperRepresentation audienceMapper() {
        return mapper(
                "audience deelpoort-gateway",
                "oidc-audience-mapper",
                Map.of(
                        "included.client.audience", "deelpoort-gateway",
                        "access.token.claim", "true",
                        "id.token.claim", "false",
                        "introspection.token.claim", "true"));
    }

    /**
     * A service account is no member of its Organization, so Keycloak's own organization scope would
     * leave the claim out; a hard-coded JSON list gives the shape members' tokens have.
     */
    static ProtocolMapperRepresentation organisationMapper(String id) {
        return mapper(
                "organization (hard-coded for the service account)",
                "oidc-hardcoded-claim-mapper",
                Map.of(
                        "access.token.claim", "true",
                        "id.token.claim", "true",
                        "introspection.token.claim", "true",
                        "userinfo.token.claim", "true",
                        "claim.name", "organization",
                        "claim.value", "[\"" + id + "\"]",
                        "jsonType.label", "JSON"));
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        mapper.setConfig(Map.copyOf(config));
        return mapper;
    }

    private static void deleteQuietly(String what, Runnable delete) {
        try {
            delete.run();
            log.info("Removed {} after a failed onboarding", what);
        } catch (RuntimeException e) {
            log.error("Could not remove {} after a failed onboarding; remove it in Keycloak by hand", what, e);
        }
    }

    /** Turns the ways the admin API fails into the gateway's exceptions; a conflict passes through. */
    private <T> T call(String what, Supplier<T> action) {
        if (!settings.hasClientSecret()) {
            throw new KeycloakUnavailableException(
                    "deelpoort.keycloak-admin.client-secret is not set; " + what + " is not possible", null);
        }
        try {
            return action.get();
        } catch (ProcessingException e) {
            throw new KeycloakUnavailableException("Keycloak unreachable while " + what, e);
        } catch (WebApplicationException e) {
            throw new KeycloakUnavailableException(
                    "Keycloak answered " + e.getResponse().getStatus() + " while " + what
                            + " (401/403: check the client secret and the service account's realm-management roles)",
                    e);
        }
    }
}
