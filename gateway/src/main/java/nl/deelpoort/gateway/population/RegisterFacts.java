package nl.deelpoort.gateway.population;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import nl.deelpoort.policy.AuthorityKind;
import nl.deelpoort.policy.RegisteredAuthority;

/**
 * What the population register said about one subject, when. {@link #registered()} is false when the register has no
 * living person with the BSN; then the other facts are empty.
 *
 * @param birthDate the full birth date (the register's {@code geboorte.datum} of type {@code Datum})
 * @param age the register's {@code leeftijd} on the day of asking
 * @param authority who holds authority (gezag) over the subject; {@link AuthorityKind#NONE_REGISTERED} for an adult
 * @param authorityUnderInvestigation the register marks the gezag relation as under investigation ({@code inOnderzoek})
 * @param checkedAt when the gateway received the answer
 */
public record RegisterFacts(
        boolean registered,
        LocalDate birthDate,
        Integer age,
        RegisteredAuthority authority,
        boolean authorityUnderInvestigation,
        Instant checkedAt) {

    public RegisterFacts {
        Objects.requireNonNull(checkedAt, "checkedAt");
        if (registered) {
            Objects.requireNonNull(birthDate, "birthDate");
            Objects.requireNonNull(authority, "authority");
        }
    }

    static RegisterFacts notRegistered(Instant checkedAt) {
        return new RegisterFacts(false, null, null, null, false, checkedAt);
    }

    @Override
    public String toString() {
        // The authority's BSNs are hidden by Bsn.toString(); the birth date is personal data: not shown.
        return "RegisterFacts[registered=" + registered + ", authority=" + (authority == null ? null : authority.kind())
                + ", checkedAt=" + checkedAt + "]";
    }
}
