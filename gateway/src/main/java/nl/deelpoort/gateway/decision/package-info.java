/**
 * Decisions: a caller's question validated into an {@link nl.deelpoort.gateway.decision.ExchangeQuestion},
 * the facts gathered, the policy engine asked. Evaluate answers "may I share this?"; the exchange
 * feature decides through the same {@link nl.deelpoort.gateway.decision.DecisionService}.
 */
package nl.deelpoort.gateway.decision;
