package nl.deelpoort.gateway.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the caller from a verified token. Keycloak Organizations put {@code organization} in
 * several shapes depending on the mapper's settings (a list of aliases, one string, or a map keyed
 * by alias); the hard-coded mapper of a service account gives a list. All are accepted.
 */
final class CallerClaims {

    static Caller from(Jwt jwt) {
        Set<String> organisations = organisations(jwt.getClaims().get("organization"));
        return new Caller(
                jwt.getSubject(),
                Optional.ofNullable(jwt.getClaimAsString("preferred_username")).orElse(jwt.getSubject()),
                Optional.ofNullable(jwt.getClaimAsString("azp")).orElse("unknown"),
                organisations.size() == 1 ? Optional.of(organisations.iterator().next()) : Optional.empty(),
                roles(jwt),
                Optional.ofNullable(jwt.getClaimAsString("bsn")),
                organisations.size() > 1);
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
