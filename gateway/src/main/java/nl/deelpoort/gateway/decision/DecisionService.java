package nl.deelpoort.gateway.decision;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.policy.ActingRole;
import nl.deelpoort.policy.DecisionEngine;
import nl.deelpoort.policy.DecisionRequest;
import nl.deelpoort.policy.DecisionResult;
import nl.deelpoort.policy.Facts;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.ReasonCode;

/**
 * Turns a validated question from an authenticated caller into an engine request: which side the
 * caller is on follows from its organisation, and its acting role becomes that side's role. Other
 * features (exchange) decide through this service too, so a pull, a push and an evaluation are
 * decided identically.
 */
public class DecisionService {

    private final DecisionEngine engine;
    private final GroundsFacts grounds;
    private final Clock clock;

    public DecisionService(DecisionEngine engine, GroundsFacts grounds, Clock clock) {
        this.engine = engine;
        this.grounds = grounds;
        this.clock = clock;
    }

    /** The engine's request for this caller and question; {@code subjectPseudonym} when a subject was named. */
    public DecisionRequest request(Caller caller, ExchangeQuestion q, Optional<String> subjectPseudonym) {
        OrganisationId organisation = caller.requireOrganisation();
        Optional<ActingRole> holderRole;
        ActingRole recipientRole;
        if (organisation.equals(q.holder())) {
            if (q.holderRole().isPresent() && q.holderRole().get() != q.actingRole()) {
                throw invalid("holderRole", "must equal actingRole when your organisation is the holder");
            }
            holderRole = Optional.of(q.actingRole());
            recipientRole = q.recipientRole()
                    .orElseThrow(() -> invalid("recipientRole", "is required when your organisation is the holder"));
        } else if (organisation.equals(q.recipient())) {
            recipientRole = q.recipientRole().orElse(q.actingRole());
            if (recipientRole != q.actingRole()) {
                throw invalid("recipientRole", "must equal actingRole when your organisation is the recipient");
            }
            holderRole = q.holderRole();
        } else {
            throw new NotAPartyException("Your organisation (" + organisation
                    + ") is neither the holder nor the recipient of this exchange.");
        }
        Facts facts =
                subjectPseudonym.map(p -> grounds.factsFor(p, q.overrideId())).orElse(Facts.none());
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

    /** Decides; a caller claiming a role its organisation does not hold is refused outright. */
    public DecisionResult decide(DecisionRequest request) {
        DecisionResult result = engine.decide(request);
        if (result.reasons().stream().anyMatch(r -> r.code() == ReasonCode.ROLE_NOT_HELD)) {
            throw new RoleNotHeldException(result.reasons());
        }
        return result;
    }

    private static InvalidRequestException invalid(String field, String problem) {
        return new InvalidRequestException(List.of(new InvalidField(field, problem)));
    }
}
