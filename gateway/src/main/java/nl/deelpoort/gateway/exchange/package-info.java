/**
 * Mediated exchange (docs/api.md, "Decisions" and "Exchanging data"): evaluate, a pull from a
 * holder's case file system, a push into a recipient organisation's inbox, and the fetch from that
 * inbox. {@link nl.deelpoort.gateway.exchange.ExchangeController} maps HTTP,
 * {@link nl.deelpoort.gateway.exchange.ExchangeRequests} turns bodies into typed commands, and
 * {@link nl.deelpoort.gateway.exchange.Exchanges} runs every path one way: decide → log (and wait
 * for the commit) → move data, so nothing personal leaves or is stored before its log entry exists.
 * What is released is enforced on the data itself, by building the answer from an allow-list of
 * released sections ({@link nl.deelpoort.gateway.exchange.Sections}), whatever the file system or
 * the sender put next to them.
 */
package nl.deelpoort.gateway.exchange;
