package nl.deelpoort.gateway.grounds;

import static nl.deelpoort.gateway.grounds.GroundsFixtures.fields;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.freshBsn;
import static nl.deelpoort.gateway.grounds.GroundsFixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestServices;
import nl.deelpoort.keycloak.KeycloakLauncher;
import nl.deelpoort.policy.Bsn;
import org.junit.jupiter.api.Test;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.spi.ResteasyClientClassicProvider;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Who declares and who reviews a safety override: the organisation that will share the data
 * declares it, and a privacy officer never reviews an override they declared themselves.
 */
class OverrideDutiesIT extends IntegrationTest {

    private static final String OVERRIDES = "/api/v1/overrides";
    private static final String JUSTIFICATION =
            "Acute zorg over de veiligheid van de kinderen na een melding van huiselijk geweld vannacht.";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SubjectPseudonyms pseudonyms;

    static Map<String, Object> override(String bsn, String purpose, List<String> recipients, List<String> categories) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", Map.of("bsn", bsn));
        body.put("purpose", purpose);
        body.put("recipients", recipients);
        body.put("categories", categories);
        body.put("riskLevel", "HOOG");
        body.put("justification", JUSTIFICATION);
        body.put("durationHours", 24);
        return body;
    }

    @Test
    void anOrganisationDoesNotDeclareAnOverrideForDataItWouldReceive() {
        record Attempt(String name, String user, Map<String, Object> body, String field) {}
        String bsn = freshBsn();
        List<Attempt> attempts = List.of(
                new Attempt(
                        "the PlusTeam breaking the glass on a municipality's data for its own escalation",
                        "anna.plusteam",
                        override(bsn, "ESCALATION", List.of("plusteam"), List.of("BSN", "CASE_NOTES")),
                        "recipients[0]"),
                new Attempt(
                        "the GI breaking the glass on others' data for itself",
                        "eva.gi",
                        override(bsn, "CHILD_PROTECTION", List.of("gi-intervence"), List.of("BSN", "PERSONALIA")),
                        "recipients[0]"),
                new Attempt(
                        "Veilig Thuis naming itself beside a real recipient",
                        "fleur.veiligthuis",
                        override(bsn, "MDO", List.of("plusteam", "veilig-thuis"), List.of("BSN", "CASE_NOTES")),
                        "recipients[1]"));
        for (Attempt a : attempts) {
            Api.Response r = api().post(OVERRIDES, tokens().user(a.user()), Api.json(a.body()));
            assertThat(r.status()).as(a.name() + ": " + r.body()).isEqualTo(422);
            assertThat(r.json().path("type").asString()).isEqualTo("urn:deelpoort:problem:invalid-request");
            assertThat(fields(r.json())).as(a.name()).contains(a.field());
            assertThat(r.body()).as(a.name()).doesNotContain(bsn).doesNotContain("huiselijk");
        }
        assertThat(pseudonyms.existingPseudonym(Bsn.of(bsn)))
                .as("nothing was declared, so the subject left no trace")
                .isEmpty();
    }

    @Test
    void theOrganisationThatSharesDeclares() {
        // Waalre holds the data under F1 (overridable) and shares it with the PlusTeam.
        ok(
                api().post(
                                OVERRIDES,
                                tokens().user("carla.cmd-waalre"),
                                Api.json(override(
                                        freshBsn(), "ESCALATION", List.of("plusteam"), List.of("BSN", "CASE_NOTES")))),
                201);
        // The PlusTeam shares with a municipality for a case meeting (F10).
        ok(
                api().post(
                                OVERRIDES,
                                tokens().user("anna.plusteam"),
                                Api.json(override(
                                        freshBsn(), "MDO", List.of("gemeente-waalre"), List.of("BSN", "CASE_NOTES")))),
                201);
    }

    @Test
    void aPrivacyOfficerWhoDeclaredAnOverrideDoesNotReviewIt() {
        String username = "sod-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        try (Keycloak admin = admin()) {
            RealmResource realm = admin.realm(KeycloakLauncher.REALM);
            String userId = createProfessionalAndPrivacyOfficerOfPlusteam(realm, username, password);
            try {
                String both = tokens().password(username, password);
                String id = ok(
                                api().post(
                                                OVERRIDES,
                                                both,
                                                Api.json(override(
                                                        freshBsn(),
                                                        "MDO",
                                                        List.of("gemeente-waalre"),
                                                        List.of("BSN", "CASE_NOTES")))),
                                201)
                        .path("id")
                        .asString();
                String verdict = Api.json(Map.of("verdict", "JUSTIFIED", "note", "Terecht: acuut risico."));

                Api.Response own = api().post(OVERRIDES + "/" + id + "/review", both, verdict);
                assertThat(own.status()).as(own.body()).isEqualTo(403);
                assertThat(own.contentType()).startsWith("application/problem+json");
                JsonNode problem = own.json();
                assertThat(problem.path("type").asString()).isEqualTo("urn:deelpoort:problem:forbidden");
                assertThat(problem.path("detail").asString())
                        .isEqualTo("You declared this override; another privacy officer must review it.");
                assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM override_review WHERE override_id = ?::uuid", Long.class, id))
                        .isZero();
                assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM log_entry WHERE override_id = ? AND kind = 'OVERRIDE_REVIEWED'",
                                Long.class,
                                id))
                        .as("a refused review is not logged")
                        .isZero();

                // The list still shows it to them, pending; another officer of the PlusTeam reviews it.
                assertThat(ok(api().get(OVERRIDES + "?reviewStatus=PENDING_REVIEW", both), 200)
                                .path("overrides")
                                .toString())
                        .contains(id);
                JsonNode reviewed =
                        ok(api().post(OVERRIDES + "/" + id + "/review", tokens().user("hanna.fg"), verdict), 200);
                assertThat(reviewed.path("reviewStatus").asString()).isEqualTo("JUSTIFIED");
            } finally {
                realm.users().get(userId).remove();
            }
        }
    }

    /** A user holding both roles, member of the PlusTeam's Keycloak Organization (none in the demo realm). */
    private static String createProfessionalAndPrivacyOfficerOfPlusteam(
            RealmResource realm, String username, String password) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setEmailVerified(true);
        user.setFirstName("Sanne");
        user.setLastName("Dubbel");
        user.setEmail(username + "@plusteam.deelpoort.test");
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        String userId;
        try (Response created = realm.users().create(user)) {
            userId = CreatedResponseUtil.getCreatedId(created);
        }
        realm.users()
                .get(userId)
                .roles()
                .realmLevel()
                .add(List.of(
                        realm.roles().get("professional").toRepresentation(),
                        realm.roles().get("privacy-officer").toRepresentation()));
        OrganizationRepresentation plusteam = realm.organizations().search("plusteam").stream()
                .filter(o -> "plusteam".equals(o.getAlias()))
                .findFirst()
                .orElseThrow();
        try (Response member =
                realm.organizations().get(plusteam.getId()).members().addMember(userId)) {
            assertThat(member.getStatus()).isEqualTo(201);
        }
        return userId;
    }

    private static Keycloak admin() {
        return KeycloakBuilder.builder()
                .serverUrl(TestServices.get().keycloak().baseUrl())
                .realm("master")
                .grantType(OAuth2Constants.PASSWORD)
                .clientId("admin-cli")
                .username(KeycloakLauncher.DEV_ADMIN_USER)
                .password(KeycloakLauncher.DEV_ADMIN_PASSWORD)
                .resteasyClient(ResteasyClientClassicProvider.createClientBuilder()
                        .register(JacksonProvider.class, 100)
                        .build())
                .build();
    }
}
