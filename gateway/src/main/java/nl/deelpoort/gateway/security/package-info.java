/**
 * Authentication: the gateway is an OAuth2 resource server for the Keycloak realm {@code
 * deelpoort}. Token checks (issuer, signature, expiry, audience) and the mapping of the {@code
 * organization} claim and realm roles into a {@link nl.deelpoort.gateway.security.Caller} live here.
 */
package nl.deelpoort.gateway.security;
