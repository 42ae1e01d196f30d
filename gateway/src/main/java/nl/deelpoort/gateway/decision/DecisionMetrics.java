package nl.deelpoort.gateway.decision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.deelpoort.policy.DecisionResult;
import nl.deelpoort.policy.ReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every decision counted (docs/observability.md, "Metrics") and named in one application log line.
 * Tag values and the log line come only from closed sets: the outcome and reason codes are the
 * policy module's enums and the flow is a flow id of the framework in force; no subject, pseudonym,
 * organisation or free text, so neither the number of series nor the log can carry personal data.
 */
final class DecisionMetrics {

    /** The {@code flow} tag of a decision that no flow of the framework applied to. */
    static final String NO_FLOW = "none";

    private static final Logger log = LoggerFactory.getLogger(DecisionService.class);

    private final MeterRegistry meters;

    DecisionMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void decided(DecisionResult result) {
        String outcome = result.decision().name();
        String flow = result.flowId().orElse(NO_FLOW);
        Counter.builder("deelpoort.decisions")
                .description("Decisions of the policy engine (evaluate, pull, push), by outcome and flow")
                .tag("outcome", outcome)
                .tag("flow", flow)
                .register(meters)
                .increment();
        for (ReasonCode reason : result.reasonCodes()) {
            Counter.builder("deelpoort.decision.reasons")
                    .description("Reason codes given in decisions: one per code per decision")
                    .tag("outcome", outcome)
                    .tag("reason", reason.name())
                    .tag("flow", flow)
                    .register(meters)
                    .increment();
        }
        log.info(
                "Decided {} on flow {} under policy {}: {}",
                outcome,
                flow,
                result.policyVersion(),
                result.reasonCodes());
    }
}
