/** Command-line tools shipped in the {@code cli} jar: the offline verifier and key generation. */
package nl.deelpoort.ledger.cli;
