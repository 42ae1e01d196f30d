/**
 * Starts the real parts Deelpoort runs against (PostgreSQL, Keycloak, the case file stub) for the
 * local stack and the end-to-end tests. Test and development infrastructure only: the gateway's
 * runtime never depends on this module.
 */
package nl.deelpoort.devkit;
