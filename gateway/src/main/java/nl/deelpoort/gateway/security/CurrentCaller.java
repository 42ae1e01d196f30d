package nl.deelpoort.gateway.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The {@link Caller} of the current request, if it is authenticated: from the API's bearer token or
 * from the console's login (whose access token was read the same way). Empty for anyone else.
 */
public final class CurrentCaller {

    private CurrentCaller() {}

    public static Optional<Caller> get() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The person's full name from their console login (the ID token's {@code name}), if known. */
    public static Optional<String> fullName() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken login
                && login.getPrincipal() instanceof ConsoleUser user
                && user.getFullName() != null
                && !user.getFullName().isBlank()) {
            return Optional.of(user.getFullName());
        }
        return Optional.empty();
    }

    static Optional<Caller> of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(CallerClaims.from(token.getToken()));
        }
        if (authentication instanceof OAuth2AuthenticationToken login
                && login.getPrincipal() instanceof ConsoleUser user) {
            return Optional.of(user.caller());
        }
        return Optional.empty();
    }
}
