/**
 * The disclosure log as data: entries, their one canonical byte form, and what proves the log was
 * not changed.
 *
 * <p>An entry ({@link nl.deelpoort.ledger.LogEntry}) is encoded once, by {@link
 * nl.deelpoort.ledger.LogEntryCodec}, into RFC 8785 JSON; those bytes are what the gateway stores and
 * what the RFC 9162 Merkle tree ({@code merkle}) hashes, so anyone holding an export can recompute
 * every hash without trusting the gateway's code or database. Signed checkpoints ({@code note}) fix a
 * tree size and root with the log's Ed25519 key; the offline verifier ({@code cli}) checks an export
 * against them. Subjects appear only as {@link nl.deelpoort.ledger.Pseudonyms pseudonyms}, so
 * destroying a subject's secret unlinks the entries while every hash and proof stays valid.
 *
 * <p>No Spring, no database, no I/O outside the CLI: the gateway stores what this module computes.
 */
package nl.deelpoort.ledger;
