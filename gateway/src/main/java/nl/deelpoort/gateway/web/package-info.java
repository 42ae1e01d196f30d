/** The web edge: problem details (RFC 9457) with stable type URIs for every error. */
package nl.deelpoort.gateway.web;
