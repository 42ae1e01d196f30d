package nl.deelpoort.policy;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A safety override as a professional proposes to declare it, before the gateway records it.
 *
 * @param recipients in the order of the request (fields of {@link OverrideRules#violations} follow it)
 * @param riskLevel {@code null} when none was given (refused by {@link OverrideRules})
 * @param justification the written reason, as entered
 */
public record OverrideProposal(
        OrganisationId declaringOrganisation,
        Purpose purpose,
        Set<OrganisationId> recipients,
        Set<Category> categories,
        RiskLevel riskLevel,
        String justification,
        Duration duration) {
    public OverrideProposal {
        Objects.requireNonNull(declaringOrganisation, "declaringOrganisation");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(duration, "duration");
        recipients = Collections.unmodifiableSet(new LinkedHashSet<>(recipients));
        categories = Set.copyOf(categories);
        justification = justification == null ? "" : justification;
    }
}
