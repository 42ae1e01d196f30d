package nl.deelpoort.gateway.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Only access tokens open the API. Keycloak signs ID tokens and refresh tokens with the same key and
 * may give them the same audience, so issuer, signature and audience cannot tell them apart; its
 * {@code typ} claim can ({@code Bearer} for access tokens, {@code ID} for ID tokens). A token with a
 * JOSE header {@code typ} of {@code at+jwt} (RFC 9068) is an access token too.
 */
final class AccessTokenValidator implements OAuth2TokenValidator<Jwt> {

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Object typ = jwt.getClaims().get("typ");
        Object headerTyp = jwt.getHeaders().get("typ");
        boolean access = "Bearer".equals(typ) || (typ == null && "at+jwt".equalsIgnoreCase(String.valueOf(headerTyp)));
        if (access) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "Only access tokens are accepted", null));
    }
}
