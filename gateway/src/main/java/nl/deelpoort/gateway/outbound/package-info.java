/**
 * How the gateway proves itself to the systems it calls: OAuth2 client credentials tokens
 * ({@link nl.deelpoort.gateway.outbound.ClientCredentials}) for the holders' case file systems and the
 * population register. It knows no feature; each caller maps a {@link
 * nl.deelpoort.gateway.outbound.ClientCredentials.TokenFailure} onto its own failure.
 */
package nl.deelpoort.gateway.outbound;
