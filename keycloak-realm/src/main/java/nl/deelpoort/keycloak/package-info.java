/**
 * The {@code deelpoort} Keycloak realm (a hand-written JSON under {@code realm/}) and a launcher
 * that runs the real Keycloak server distribution from Maven Central with it. The local stack and
 * the end-to-end tests use the same launcher, so tests see exactly the identity users get.
 */
package nl.deelpoort.keycloak;
