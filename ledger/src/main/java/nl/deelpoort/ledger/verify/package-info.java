/** Checking a whole log, entry by entry, against its checkpoints; the export line format. */
package nl.deelpoort.ledger.verify;
