/**
 * RFC 9162 §2.1 Merkle tree hashes and proofs. {@link nl.deelpoort.ledger.merkle.CompactTree} grows
 * the tree and reports the complete aligned subtrees to store; {@link
 * nl.deelpoort.ledger.merkle.MerkleProofs} answers roots and proofs from any {@link
 * nl.deelpoort.ledger.merkle.SubtreeHashSource} in O(log n) lookups; {@link
 * nl.deelpoort.ledger.merkle.MerkleVerifier} is the RFC's verification, step by step.
 */
package nl.deelpoort.ledger.merkle;
