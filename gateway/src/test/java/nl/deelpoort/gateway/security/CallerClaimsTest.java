package nl.deelpoort.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.deelpoort.policy.OrganisationId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerClaimsTest {

    @Test
    void organisationAsListOfAliases() {
        Caller caller = CallerClaims.from(jwt(Map.of("organization", List.of("plusteam"))));
        assertThat(caller.requireOrganisation()).isEqualTo(OrganisationId.of("plusteam"));
    }

    @Test
    void organisationAsStringOrMap() {
        assertThat(CallerClaims.from(jwt(Map.of("organization", "porthos"))).organisation())
                .contains(OrganisationId.of("porthos"));
        assertThat(CallerClaims.from(jwt(Map.of("organization", Map.of("cbs", Map.of()))))
                        .organisation())
                .contains(OrganisationId.of("cbs"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plusteam-", "-plusteam", "Plusteam", "plus--team", "plus team", "999993653 ", ""})
    void anOrganisationClaimThatIsNoOrganisationIdFailsClosedWithoutEchoingIt(String claim) {
        Caller caller = CallerClaims.from(jwt(Map.of("organization", List.of(claim))));
        assertThat(caller.organisation()).isEmpty();
        assertThatThrownBy(caller::requireOrganisation)
                .isInstanceOf(OrganisationRequiredException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("999993653"));
    }

    @Test
    void anOverlongOrganisationClaimFailsClosed() {
        Caller caller = CallerClaims.from(jwt(Map.of("organization", "a".repeat(65))));
        assertThatThrownBy(caller::requireOrganisation).isInstanceOf(OrganisationRequiredException.class);
        assertThat(CallerClaims.from(jwt(Map.of("organization", "a".repeat(64))))
                        .requireOrganisation())
                .isEqualTo(OrganisationId.of("a".repeat(64)));
    }

    @Test
    void severalOrganisationsFailClosedEvenWhenOneIsInvalid() {
        Caller caller = CallerClaims.from(jwt(Map.of("organization", List.of("plusteam", "plusteam-"))));
        assertThat(caller.organisation()).isEmpty();
        assertThatThrownBy(caller::requireOrganisation)
                .isInstanceOf(OrganisationRequiredException.class)
                .hasMessageContaining("more than one");
    }

    @Test
    void aValidClaimBecomesAnOrganisationId() {
        Caller caller = CallerClaims.from(jwt(Map.of("organization", List.of("gemeente-geldrop-mierlo"))));
        assertThat(caller.organisation()).contains(OrganisationId.of("gemeente-geldrop-mierlo"));
        assertThat(caller.requireOrganisation().value()).isEqualTo("gemeente-geldrop-mierlo");
    }

    @Test
    void noOrganisationFailsClosedWhenOneIsNeeded() {
        Caller caller = CallerClaims.from(jwt(Map.of()));
        assertThat(caller.organisation()).isEmpty();
        assertThatThrownBy(caller::requireOrganisation).isInstanceOf(OrganisationRequiredException.class);
    }

    @Test
    void severalOrganisationsAreAmbiguousAndRefused() {
        Caller caller = CallerClaims.from(jwt(Map.of("organization", List.of("plusteam", "porthos"))));
        assertThatThrownBy(caller::requireOrganisation)
                .isInstanceOf(OrganisationRequiredException.class)
                .hasMessageContaining("more than one");
    }

    @Test
    void realmRolesBecomeAuthorities() {
        Jwt jwt = jwt(Map.of("realm_access", Map.of("roles", List.of("professional", "offline_access"))));
        assertThat(CallerClaims.authorities(jwt)).containsExactlyInAnyOrder("ROLE_professional", "ROLE_offline_access");
    }

    @Test
    void bsnIsNeverPrinted() {
        Caller caller = CallerClaims.from(jwt(Map.of("bsn", "999993653")));
        assertThat(caller.bsn()).contains("999993653");
        assertThat(caller.toString()).doesNotContain("999993653");
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder b = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("s-1")
                .claim("azp", "deelpoort-cli")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(b::claim);
        return b.build();
    }
}
