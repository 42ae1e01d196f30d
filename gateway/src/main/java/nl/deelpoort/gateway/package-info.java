/**
 * The Deelpoort gateway. Packaged by feature: {@code security} (who is calling), {@code web}
 * (problem details at the edge), {@code system} (who-am-I). Every request flows one way:
 * authenticate, decide, log durably, fetch or store, minimise, respond.
 */
package nl.deelpoort.gateway;
