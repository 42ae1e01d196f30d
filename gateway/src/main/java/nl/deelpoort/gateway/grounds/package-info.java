/**
 * Legal grounds (DOMAIN §5): consent, the safety override and child-protection measures.
 *
 * <p>Grounds are events, never edited: a consent is given and perhaps withdrawn; an override is
 * declared, perhaps ended early, and reviewed; a measure is registered and perhaps ended. Each event
 * is a row in an insert-only table (the app role has SELECT and INSERT only) and an entry in the
 * disclosure log, written in one transaction: the log entry first, the row second, so a ground is
 * never recorded without its entry. Statuses (ACTIVE, WITHDRAWN, EXPIRED, ...) are derived when
 * read; nothing runs on a timer.
 *
 * <p>The subject is kept as its log pseudonym only; no BSN is stored, logged or put in a URL.
 * {@link nl.deelpoort.gateway.grounds.RecordedGrounds} hands the decision engine every ground of a
 * subject in one SQL statement, read afresh for each decision.
 *
 * <p>Visibility: an organisation sees the grounds it recorded and those that name it as recipient or
 * holder; anything else answers 404, as if it did not exist.
 */
package nl.deelpoort.gateway.grounds;
