/**
 * Legal grounds (docs/domain.md, "Legal grounds the gateway keeps"): consent, the safety override and
 * child-protection measures.
 *
 * <p>Grounds are events, never edited: a consent is given and perhaps withdrawn; an override is
 * declared, perhaps ended early, and reviewed; a measure is registered and perhaps ended. Each event
 * is a row in an insert-only table (the app role has SELECT and INSERT only) and an entry in the
 * disclosure log, written in one transaction by {@link nl.deelpoort.gateway.grounds.GroundEvents}:
 * the log entry first, the row second, so a ground is never recorded without its entry. Statuses
 * (ACTIVE, WITHDRAWN, EXPIRED, ...) are derived when read; nothing runs on a timer.
 *
 * <p>The subject is kept as its log pseudonym only; no BSN is stored, logged or put in a URL.
 * {@link nl.deelpoort.gateway.grounds.RecordedGrounds} hands the decision engine every ground of a
 * subject in one SQL statement, read afresh for each decision.
 *
 * <p>Visibility: an organisation sees the grounds it recorded and those that name it as recipient or
 * holder; anything else answers 404, as if it did not exist. No API view carries the subject
 * pseudonym: it is the log's key to the subject and must not be matchable with the log by others.
 *
 * <p>Who records what: realm roles are checked by the security configuration alone; here a caller
 * needs an organisation ({@code Caller#requireOrganisation}), and the rules are about that
 * organisation. The one exception is a resident withdrawing a consent they gave themself ({@link
 * nl.deelpoort.gateway.grounds.ResidentConsents}): the subject is their token's BSN, and the
 * withdrawal is recorded for the organisation that recorded the consent. A consent is recorded only by an organisation that takes part in every exchange it
 * covers (its only recipient, or its only named holder); a safety override only by an organisation
 * that will share the data (a holder under an overridable flow towards each recipient) and is never
 * reviewed by the person who declared it; a measure only by a certified institution. These rules
 * live in {@code nl.deelpoort.policy} ({@code ConsentGiverRules}, {@code ConsentScopeRules}, {@code
 * OverrideRules}, {@code MeasureRules}); the services here call them and keep only the checks on
 * stored records (already withdrawn, ended, expired: 409).
 *
 * <p>What a request may write: every request field that is logged or stored is a closed vocabulary
 * (purposes, categories, givers' and withdrawers' roles, method, risk level, verdict, measure type),
 * an organisation of the framework (recipients, holders), a date or a bounded number (validity,
 * meldcode step, duration), the BSN (replaced by its pseudonym at once), or free text that is stored
 * but never logged and is refused with 422 when it holds a BSN ({@code @FreeText}): givers'
 * {@code name}, {@code evidenceReference}, a withdrawal's {@code reason}, an override's
 * {@code justification}, a review's {@code note} and a measure's {@code courtReference}. A
 * {@code null} anywhere in a body is a 422 naming the field. These input rules sit on the request
 * records ({@link nl.deelpoort.gateway.grounds.Requests}), every broken field named at once; the
 * services take typed commands and add the policy's refusals to the same {@code invalidFields}, as
 * {@code "CODE: English text"} with the reasons in both languages under {@code reasons}.
 *
 * <p>The web console is a second edge beside the API controllers: its pages call the same services
 * ({@link nl.deelpoort.gateway.grounds.Consents}, {@link nl.deelpoort.gateway.grounds.Overrides},
 * {@link nl.deelpoort.gateway.grounds.Measures}) with the same request records and commands, and show
 * the same views. Those, the stored records the services answer with and {@link
 * nl.deelpoort.gateway.grounds.GroundRefusedException} (whose violations a form shows by field) are
 * public for that reason; stores, events and settings stay package-private.
 */
package nl.deelpoort.gateway.grounds;
