package nl.deelpoort.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;

/**
 * A version of a processing agreement. Versions of one agreement id follow each other in time:
 * their validity windows never overlap, so an id and a moment determine the version in force.
 *
 * @param validFrom first day in force (Europe/Amsterdam)
 * @param validUntil last day in force, inclusive, or {@code null} for open-ended
 * @param retention how long records made under this agreement are kept
 * @param sources the sentences of the policy documents that describe the agreement; may be empty
 */
public record Agreement(
        String id,
        int version,
        String title,
        List<AgreementParty> parties,
        LocalDate validFrom,
        LocalDate validUntil,
        Period retention,
        List<SourceQuote> sources) {
    public Agreement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(retention, "retention");
        parties = List.copyOf(parties);
        sources = List.copyOf(sources);
    }

    /** Where the agreement is described, as references only: {@code "000:L169, 000:L171"}; empty when none. */
    public String source() {
        return SourceQuote.refs(sources);
    }

    /** Start of the window as an instant: midnight in Amsterdam at the start of {@link #validFrom()}. */
    public Instant startsAt() {
        return validFrom.atStartOfDay(Framework.ZONE).toInstant();
    }

    /** Exclusive end of the window, or {@link Instant#MAX} when open-ended. */
    public Instant endsBefore() {
        return validUntil == null
                ? Instant.MAX
                : validUntil.plusDays(1).atStartOfDay(Framework.ZONE).toInstant();
    }

    public boolean inForceAt(Instant time) {
        return !time.isBefore(startsAt()) && time.isBefore(endsBefore());
    }

    /** Parties with the given AVG role, in the order of the file. */
    public List<OrganisationId> partiesWithRole(GdprRole role) {
        return parties.stream()
                .filter(p -> p.role() == role)
                .map(AgreementParty::organisation)
                .toList();
    }
}
