/** Endpoints about the gateway and the caller themself. */
package nl.deelpoort.gateway.system;
