package nl.deelpoort.gateway.decision;

import java.util.Optional;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Facts;

/**
 * Where a decision's legal grounds come from: the consents, safety overrides and child-protection
 * measures recorded for a subject (by pseudonym). The grounds feature implements it; for a subject the
 * gateway knows, its pseudonym and all its facts cost one database round trip.
 */
public interface GroundsFacts {

    /** The facts recorded for the subject with this pseudonym. */
    Facts factsFor(String subjectPseudonym, Optional<String> invokedOverrideId);

    /** The subject's pseudonym (created on first use) and the facts recorded for it. */
    Subject subject(Bsn subject, Optional<String> invokedOverrideId);

    /** A subject as a decision sees it: its log pseudonym and its grounds. */
    record Subject(String pseudonym, Facts facts) {}
}
