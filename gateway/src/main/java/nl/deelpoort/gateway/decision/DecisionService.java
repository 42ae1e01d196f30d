package nl.deelpoort.gateway.decision;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.ActingRole;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.DecisionEngine;
import nl.deelpoort.policy.DecisionRequest;
import nl.deelpoort.policy.DecisionResult;
import nl.deelpoort.policy.Facts;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.ReasonCode;
import org.springframework.stereotype.Service;

/**
 * Turns a typed question from an authenticated caller into an engine request, decides it, and
 * writes the decision as a log entry. Which side the caller is on follows from its organisation,
 * and its acting role becomes that side's role. Evaluate, pull and push all decide here, so they
 * are decided identically.
 */
@Service
public class DecisionService {

    private final DecisionEngine engine;
    private final GroundsFacts grounds;
    private final Framework framework;
    private final Clock clock;
    private final DecisionMetrics metrics;

    public DecisionService(
            DecisionEngine engine, GroundsFacts grounds, Framework framework, Clock clock, MeterRegistry meters) {
        this.engine = engine;
        this.metrics = new DecisionMetrics(meters);
        this.grounds = grounds;
        this.framework = framework;
        this.clock = clock;
    }

    /**
     * The engine's request for this caller and question. A subject named in the question is looked up
     * (its pseudonym, created on first use, and its grounds: one round trip for a known subject) only
     * once the caller is found to be a party in the role it claims.
     */
    public DecisionRequest request(Caller caller, ExchangeQuestion q) {
        OrganisationId organisation = caller.requireOrganisation();
        Optional<ActingRole> holderRole;
        ActingRole recipientRole;
        if (organisation.equals(q.holder())) {
            if (q.holderRole().isPresent() && q.holderRole().get() != q.actingRole()) {
                throw InvalidRequestException.of(
                        "holderRole", "must equal actingRole when your organisation is the holder");
            }
            holderRole = Optional.of(q.actingRole());
            recipientRole = q.recipientRole()
                    .orElseThrow(() -> InvalidRequestException.of(
                            "recipientRole", "is required when your organisation is the holder"));
        } else if (organisation.equals(q.recipient())) {
            recipientRole = q.recipientRole().orElse(q.actingRole());
            if (recipientRole != q.actingRole()) {
                throw InvalidRequestException.of(
                        "recipientRole", "must equal actingRole when your organisation is the recipient");
            }
            holderRole = q.holderRole();
        } else {
            throw new NotAPartyException("Your organisation (" + organisation
                    + ") is neither the holder nor the recipient of this exchange.");
        }
        Optional<String> overrideId = q.overrideId().map(UUID::toString);
        Optional<GroundsFacts.Subject> subject = q.subject().map(bsn -> grounds.subject(bsn, overrideId));
        Optional<String> subjectPseudonym = subject.map(GroundsFacts.Subject::pseudonym);
        Facts facts = subject.map(GroundsFacts.Subject::facts).orElse(Facts.none());
        return new DecisionRequest(
                new nl.deelpoort.policy.Caller(organisation, q.actingRole(), caller.subject()),
                q.holder(),
                holderRole,
                q.recipient(),
                recipientRole,
                q.purpose(),
                q.categories(),
                clock.instant(),
                subjectPseudonym,
                facts);
    }

    /**
     * Decides; a caller claiming a role its organisation does not hold is refused outright (403). Every
     * decision, that refusal included, is counted and logged (without personal data) by {@link DecisionMetrics}.
     */
    public DecisionResult decide(DecisionRequest request) {
        DecisionResult result = engine.decide(request);
        metrics.decided(result);
        if (result.reasons().stream().anyMatch(r -> r.code() == ReasonCode.ROLE_NOT_HELD)) {
            throw new RoleNotHeldException(result.reasons());
        }
        return result;
    }

    /**
     * The decision as a log entry (docs/domain.md, "The disclosure log"): who asked in which role,
     * the two sides, the purpose, what was asked and released, why, on which grounds and policy
     * version, and the subject only as its pseudonym. Denials are logged exactly like permits.
     *
     * <p>Nothing free-form from a request body reaches the entry: every value is a closed vocabulary
     * (enum names), an id in its own format (organisations; flow, agreement and policy version from
     * the framework; consent, override and measure ids as the grounds store issued them, the override
     * only when the engine found it), the pseudonym, or a time. User and client come from the token.
     */
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
                .categoriesRequested(names(request.categories()))
                .categoriesReleased(names(result.released()))
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

    /** Category names in the enum's order. */
    private static List<String> names(Collection<Category> categories) {
        return categories.stream().sorted().map(Enum::name).toList();
    }
}
