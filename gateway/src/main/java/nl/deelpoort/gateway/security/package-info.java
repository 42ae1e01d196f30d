/**
 * Authentication and authorisation at the edge: the gateway is an OAuth2 resource server for the
 * Keycloak realm {@code deelpoort}. Token checks (issuer, signature, expiry, audience, access token
 * only) are small validators; who may call which endpoint is one table in {@code
 * SecurityConfiguration#endpointRoles} (the README's "Who may call what", tried cell by cell by
 * {@code EndpointRolesIT}); the {@code organization} claim and realm roles become a {@link
 * nl.deelpoort.gateway.security.Caller}. Features decide, by organisation, what a caller then sees.
 */
package nl.deelpoort.gateway.security;
