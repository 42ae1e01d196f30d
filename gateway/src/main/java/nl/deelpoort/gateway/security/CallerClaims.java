package nl.deelpoort.gateway.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the caller from a verified token. Keycloak Organizations put {@code organization} in
 * several shapes depending on the mapper's settings (a list of aliases, one string, or a map keyed
 * by alias); the hard-coded mapper of a service account gives a list. All are accepted.
 */
final class CallerClaims {

    static Caller from(Jwt jwt) {
        Set<String> organisations = organisations(jwt.getClaims().get("organization"));
        Optional<OrganisationId> organisation = Optional.empty();
        Optional<String> problem = Optional.empty();
        if (organisations.size() > 1) {
            problem = Optional.of(
                    "Your token names more than one organisation; the gateway cannot tell which one you act for.");
        } else if (organisations.size() == 1) {
            String claim = organisations.iterator().next();
            if (OrganisationId.isValid(claim)) {
                organisation = Optional.of(OrganisationId.of(claim));
            } else {
                // Not echoed: the claim is whatever the token carries.
                problem = Optional.of("Your token's organisation is not a valid organisation id"
                        + " (lower-case words joined by '-'); the gateway acts for no such organisation.");
            }
        }
        return new Caller(
                jwt.getSubject(),
                Optional.ofNullable(jwt.getClaimAsString("preferred_username")).orElse(jwt.getSubject()),
                Optional.ofNullable(jwt.getClaimAsString("azp")).orElse("unknown"),
                organisation,
                roles(jwt),
                Optional.ofNullable(jwt.getClaimAsString("bsn")),
                problem);
    }

    static Set<String> roles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            Set<String> out = new LinkedHashSet<>();
            roles.forEach(r -> out.add(String.valueOf(r)));
            return Set.copyOf(out);
        }
        return Set.of();
    }

    static Set<String> organisations(Object claim) {
        if (claim instanceof String s && !s.isBlank()) {
            return Set.of(s);
        }
        if (claim instanceof Collection<?> list) {
            Set<String> out = new LinkedHashSet<>();
            list.forEach(o -> out.add(String.valueOf(o)));
            return out;
        }
        if (claim instanceof Map<?, ?> map) {
            Set<String> out = new LinkedHashSet<>();
            map.keySet().forEach(k -> out.add(String.valueOf(k)));
            return out;
        }
        return Set.of();
    }

    static List<String> authorities(Jwt jwt) {
        return roles(jwt).stream().map(r -> "ROLE_" + r).toList();
    }

    private CallerClaims() {}
}
