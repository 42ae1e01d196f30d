/**
 * What the disclosure log says about one subject, for the subject: the AVG art. 15 subject-access
 * report (JSON, CSV, and a tagged, accessible PDF) made by privacy officers or by residents for
 * themselves, the officer's separate note on what it leaves out, the resident's own view's building
 * blocks, and the export of an organisation's entries in the shape of Logius <i>Logboek
 * Dataverwerkingen</i>.
 *
 * <p>Everything here reads {@code log_entry} and decodes the canonical bytes; nothing writes to
 * it except the {@code AUDIT_QUERY} entries that record who asked.
 */
package nl.deelpoort.gateway.audit.report;
