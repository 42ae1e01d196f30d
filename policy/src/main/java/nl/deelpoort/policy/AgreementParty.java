package nl.deelpoort.policy;

import java.util.Objects;

/** A party to an agreement and its role under the AVG (e.g. Topicus as sub-processor, 000:L171). */
public record AgreementParty(OrganisationId organisation, GdprRole role) {
    public AgreementParty {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(role, "role");
    }
}
