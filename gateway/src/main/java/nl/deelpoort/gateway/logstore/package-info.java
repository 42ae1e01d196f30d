/**
 * The disclosure log in PostgreSQL (docs/design.md, "The log, in the database"). The ledger module
 * computes canonical bytes, leaf and subtree hashes, proofs and signed checkpoints; this feature stores
 * and serves them.
 *
 * <p>Other features use two public services: {@link nl.deelpoort.gateway.logstore.DisclosureLog}
 * ({@code append} returns the seq only once the entry is committed, else throws {@link
 * nl.deelpoort.gateway.logstore.LogUnavailableException}, answered as 503) and {@link
 * nl.deelpoort.gateway.logstore.SubjectPseudonyms} (BSN to pseudonym; which subjects an organisation
 * knows; forget per controller), and one rule, {@link nl.deelpoort.gateway.logstore.LogVisibility}
 * (which entries a viewer reads in full; the others are redacted leaves). Everything else is
 * package-private: the sequencer (one writer thread per instance on a small connection pool of its
 * own, batches under an advisory lock so instances share one log), the reader (proofs from stored
 * subtrees in two queries), the checkpointer (signs only after a verified consistency proof), the
 * integrity check (both {@code @Scheduled}), and the endpoints. The columns next to the canonical bytes
 * are the ledger's {@link nl.deelpoort.ledger.EntryField}s that name a column.
 *
 * <p>Tables ({@code V2__log.sql}): {@code log_entry}, {@code log_subtree}, {@code checkpoint} are
 * append-only (no UPDATE/DELETE/TRUNCATE rights for the app role; triggers that fire always, even for
 * superusers and in replication mode); {@code subject_secret} is not, since forgetting deletes rows,
 * and neither is {@code subject_unlinked} ({@code V40}: which organisation unlinked which subject, at
 * which seq; deleted with the secret).
 */
package nl.deelpoort.gateway.logstore;
