package nl.deelpoort.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway knows about the subject's legal grounds at the time of the request. The engine
 * never fetches anything itself: it decides on exactly these facts.
 *
 * @param invokedOverrideId the safety override the caller relies on; overrides are only ever used
 *     when invoked, so that every disclosure under one is deliberate
 */
public record Facts(
        List<ConsentFact> consents,
        List<OverrideFact> overrides,
        List<MeasureFact> measures,
        Optional<String> invokedOverrideId) {
    private static final Facts NONE = new Facts(List.of(), List.of(), List.of(), Optional.empty());

    public Facts {
        consents = List.copyOf(consents);
        overrides = List.copyOf(overrides);
        measures = List.copyOf(measures);
        Objects.requireNonNull(invokedOverrideId, "invokedOverrideId");
    }

    public static Facts none() {
        return NONE;
    }
}
