/**
 * The privacy officers' audit of the disclosure log (docs/domain.md, "1. Why it exists": the FG's
 * quarterly review; docs/oversight.md): search, a subject's timeline, a reproducible sample of subjects
 * and statistics over a period.
 *
 * <p>An officer sees only entries in which their own organisation is requester, holder or recipient
 * ({@code logstore.LogVisibility}): the FG supervises their own organisation, not the region. Gateway
 * admins are refused on purpose: they run the system and have no organisation whose processing they
 * supervise. Every query goes through {@link nl.deelpoort.gateway.audit.AuditTrail}: it is itself a log
 * entry of kind {@code AUDIT_QUERY}, committed before any result is computed ("log before release");
 * its filters are logged without the BSN, and every filter value is a closed vocabulary, an id in its
 * own format or a parsed time (a sample's seed: a closed format that is no BSN). Results are as of that
 * entry: nothing after it (including itself) is shown, so one query answers the same however often it
 * is repeated.
 *
 * <p>No answer tells whether anyone else processed a subject: a subject given by BSN counts only if it
 * is known to the officer's organisation ({@code SubjectPseudonyms#knownTo}), and only through the
 * organisation's entries after its own forget of that subject, if any.
 */
package nl.deelpoort.gateway.audit;
