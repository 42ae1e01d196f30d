/**
 * A resident's own view of who received their data ({@code GET /api/v1/me/disclosures}): only the
 * subject named by the token's {@code bsn} claim, only non-confidential releases, in plain Dutch.
 */
package nl.deelpoort.gateway.audit.resident;
