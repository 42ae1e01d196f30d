package nl.deelpoort.gateway.population;

import nl.deelpoort.policy.Bsn;

/** The population register as the consent recording sees it (docs/population-register.md). */
public interface PopulationRegister {

    /** What recording a consent does when the register cannot be asked. */
    enum WhenUnavailable {
        /** Refuse to record it (fail closed): the default. */
        REFUSE,
        /** Record it on the entered birth date, flagged unverified, with a review item for the privacy officers. */
        RECORD_UNVERIFIED
    }

    /** False when no base URL is configured: the deployment does not consult the register. */
    boolean configured();

    WhenUnavailable whenUnavailable();

    /**
     * The register's facts on the subject: birth date, age and authority.
     *
     * @throws PopulationRegisterException when the register could not be asked or answered unusably
     * @throws IllegalStateException when not {@link #configured()}
     */
    RegisterFacts lookUp(Bsn subject);
}
