package nl.deelpoort.policy;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** Who may declare a safety override, and its limits (docs/domain.md, Legal grounds). */
public record OverridePolicy(
        Set<OrganisationKind> declaringKinds,
        Duration maxDuration,
        int minJustificationLength,
        Set<RiskLevel> riskLevels) {
    public OverridePolicy {
        Objects.requireNonNull(maxDuration, "maxDuration");
        declaringKinds = Collections.unmodifiableSet(EnumSet.copyOf(declaringKinds));
        riskLevels = Collections.unmodifiableSet(EnumSet.copyOf(riskLevels));
    }
}
