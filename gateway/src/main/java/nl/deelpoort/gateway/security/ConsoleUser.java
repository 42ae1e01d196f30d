package nl.deelpoort.gateway.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A person logged in to the console. Who they are for the gateway comes from their access token,
 * verified by the same decoder and read by the same claims code as an API call ({@link Caller}); the
 * ID token only proves the login and is kept for the logout at Keycloak.
 */
final class ConsoleUser extends DefaultOidcUser {

    private final Caller caller;

    ConsoleUser(
            Collection<? extends GrantedAuthority> authorities,
            OidcIdToken idToken,
            OidcUserInfo userInfo,
            Caller caller) {
        super(authorities, idToken, userInfo, "preferred_username");
        this.caller = caller;
    }

    Caller caller() {
        return caller;
    }

    ConsoleUser withCaller(Caller newCaller, Collection<? extends GrantedAuthority> newAuthorities) {
        return new ConsoleUser(newAuthorities, getIdToken(), getUserInfo(), newCaller);
    }
}
