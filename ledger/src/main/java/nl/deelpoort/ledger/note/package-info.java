/**
 * C2SP signed notes with Ed25519 keys (key ids, vkey and signer key forms) and C2SP tlog-checkpoints.
 * The formats follow the Go reference implementation byte for byte, so standard transparency-log
 * tooling (and witnesses) can read the gateway's checkpoints.
 */
package nl.deelpoort.ledger.note;
