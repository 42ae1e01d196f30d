/**
 * Bean Validation for request bodies, one constraint per rule of the contract, each worded once:
 * a request record (the wire form, strings as the client sent them) carries these constraints,
 * {@link nl.deelpoort.gateway.web.validation.RequestValidator} names every broken field at once
 * (422, {@code invalidFields}), and only then does the record become a feature's typed command.
 */
package nl.deelpoort.gateway.web.validation;
