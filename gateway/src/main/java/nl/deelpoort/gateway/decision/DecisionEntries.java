package nl.deelpoort.gateway.decision;

import java.time.LocalDate;
import java.util.List;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.DecisionRequest;
import nl.deelpoort.policy.DecisionResult;
import nl.deelpoort.policy.Framework;

/**
 * A decision as a disclosure-log entry (docs/domain.md §7): who asked in which role, the two sides, the
 * purpose, what was asked and released, why, on which grounds and policy version — and the subject
 * only as its pseudonym. Denials are logged exactly like permits.
 *
 * <p>Nothing free-form from a request body reaches the entry: every value is a closed vocabulary
 * (decision, reason codes, purpose, roles, categories, legal basis — enum names), an id in its own
 * format (organisations as {@link nl.deelpoort.policy.OrganisationId}; flow, agreement and policy
 * version from the framework; consent, override and measure ids as the grounds store issued them,
 * UUIDs — the override the caller names is a UUID checked by {@link ExchangeQuestion} and only logged
 * when the engine found it), the pseudonym, or a time. User and client come from the verified token.
 */
public final class DecisionEntries {

    private final Framework framework;

    public DecisionEntries(Framework framework) {
        this.framework = framework;
    }

    public LogEntry.Builder entry(EntryKind kind, Caller caller, DecisionRequest request, DecisionResult result) {
        LogEntry.Builder b = LogEntry.builder(kind)
                .registeredAt(request.time())
                .decision(result.decision().name())
                .reasonCodes(
                        result.reasonCodes().stream().map(Enum::name).sorted().toList())
                .purpose(request.purpose().name())
                .policyVersion(result.policyVersion())
                .requestingOrganisation(request.caller().organisation().value())
                .actingRole(request.caller().actingRole().name())
                .user(caller.subject())
                .client(caller.clientId())
                .holder(request.holder().value())
                .recipient(request.recipient().value())
                .recipientRole(request.recipientRole().name())
                .categoriesRequested(
                        names(request.categories().stream().sorted().toList()))
                .categoriesReleased(names(result.released().stream().sorted().toList()))
                .confidential(result.confidential());
        request.holderRole().ifPresent(r -> b.holderRole(r.name()));
        request.subjectPseudonym().ifPresent(b::subjectPseudonym);
        result.flowId().ifPresent(b::flow);
        result.agreementId().ifPresent(b::agreement);
        result.legalBasis().ifPresent(l -> b.legalBasis(l.name()));
        if (!result.consentIds().isEmpty()) {
            b.consentId(String.join(",", result.consentIds()));
        }
        result.overrideId().ifPresent(b::overrideId);
        result.measureId().ifPresent(b::measureId);
        result.agreementId()
                .flatMap(id -> framework.agreementInForce(id, request.time()))
                .map(a -> LocalDate.ofInstant(request.time(), Framework.ZONE).plus(a.retention()))
                .ifPresent(b::retentionUntil);
        return b;
    }

    private static List<String> names(List<Category> categories) {
        return categories.stream().map(Enum::name).toList();
    }
}
