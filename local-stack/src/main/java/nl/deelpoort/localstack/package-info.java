/** The one-command local stack behind {@code ./deelpoort-local}. */
package nl.deelpoort.localstack;
