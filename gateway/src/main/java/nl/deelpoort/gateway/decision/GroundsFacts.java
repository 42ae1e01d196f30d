package nl.deelpoort.gateway.decision;

import java.util.Optional;
import nl.deelpoort.policy.Facts;

/**
 * Where a decision's legal grounds come from: the consents, safety overrides and child-protection
 * measures recorded for a subject (by pseudonym). The grounds feature implements it; gathering the
 * facts for one decision is meant to cost at most one database round trip.
 */
public interface GroundsFacts {

    Facts factsFor(String subjectPseudonym, Optional<String> invokedOverrideId);
}
