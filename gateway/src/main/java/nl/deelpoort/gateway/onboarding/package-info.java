/**
 * Onboarding partner organisations through Keycloak's admin API, and a start-up check that the
 * realm has what the gateway needs.
 *
 * <p>Onboarding gives an organisation an identity: a Keycloak Organization and a partner-system
 * client whose tokens say {@code organization = ["<id>"]}. It does not let the organisation share
 * anything: it takes part in exchanges only once the sharing framework (the policy YAML kept by the
 * privacy officers) names it in its organisations, agreements and flows.
 */
package nl.deelpoort.gateway.onboarding;
