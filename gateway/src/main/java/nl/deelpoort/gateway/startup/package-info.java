/**
 * Start-up rules of production versus development. Outside the {@value
 * nl.deelpoort.gateway.startup.DevProfile#NAME} profile the gateway refuses to start without its
 * configured keys (log signing, pseudonym, transfer) and never generates one; {@link
 * nl.deelpoort.gateway.startup.RequiredKeys} checks them all before any bean is created and {@link
 * nl.deelpoort.gateway.startup.MissingKeysFailureAnalyzer} names each missing setting and its
 * environment variable. The features that load keys also refuse on their own ({@link
 * nl.deelpoort.gateway.startup.MissingKeysException}). Depends on no feature.
 */
package nl.deelpoort.gateway.startup;
