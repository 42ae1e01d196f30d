/**
 * Decisions: a caller's question, validated at the edge into a typed
 * {@link nl.deelpoort.gateway.decision.ExchangeQuestion}, turned into an engine request with the
 * facts the grounds feature records, decided, and written as a log entry by
 * {@link nl.deelpoort.gateway.decision.DecisionService}. Evaluate, pull and push (the exchange
 * feature) all decide through it.
 */
package nl.deelpoort.gateway.decision;
