/**
 * The sharing framework in force (the processing agreements as data), the decision engine built
 * from it, and the endpoints that show both to partners and privacy officers.
 */
package nl.deelpoort.gateway.framework;
