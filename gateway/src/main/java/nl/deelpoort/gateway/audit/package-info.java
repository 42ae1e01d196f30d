/**
 * The privacy officers' audit of the disclosure log (DOMAIN §1, the FG's quarterly review): search,
 * a subject's timeline, a reproducible sample of subjects and statistics over a period.
 *
 * <p>An officer sees only entries in which their own organisation is requester, holder or recipient:
 * the FG supervises their own organisation, not the region. Gateway admins are refused on purpose:
 * they run the system and have no organisation whose processing they supervise. Every query is
 * itself a log entry of kind {@code AUDIT_QUERY}, committed before any result is computed ("log
 * before release"); its filters are logged without the BSN. Results are as of that entry: nothing
 * after it (including itself) is shown, so one query answers the same however often it is repeated.
 */
package nl.deelpoort.gateway.audit;
