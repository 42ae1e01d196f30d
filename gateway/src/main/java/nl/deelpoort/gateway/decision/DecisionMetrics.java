package nl.deelpoort.gateway.decision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * The counters by their tag values, made once: a decision takes microseconds, and building and
     * registering a meter id on every one would cost a fair share of that. The tag sets are closed.
     */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    DecisionMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void decided(DecisionResult result) {
        String outcome = result.decision().name();
        String flow = result.flowId().orElse(NO_FLOW);
        counters.computeIfAbsent(
                        outcome + '|' + flow,
                        k -> Counter.builder("deelpoort.decisions")
                                .description(
                                        "Decisions of the policy engine (evaluate, pull, push), by outcome and flow")
                                .tag("outcome", outcome)
                                .tag("flow", flow)
                                .register(meters))
                .increment();
        for (ReasonCode reason : result.reasonCodes()) {
            counters.computeIfAbsent(
                            outcome + '|' + reason.name() + '|' + flow,
                            k -> Counter.builder("deelpoort.decision.reasons")
                                    .description("Reason codes given in decisions: one per code per decision")
                                    .tag("outcome", outcome)
                                    .tag("reason", reason.name())
                                    .tag("flow", flow)
                                    .register(meters))
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
