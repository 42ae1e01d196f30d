package nl.deelpoort.gateway.grounds;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.ConsentGiverRole;
import nl.deelpoort.policy.MeasureType;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import nl.deelpoort.policy.RiskLevel;

/**
 * What the grounds services are asked to do, typed: built from a request only after it broke no input
 * rule ({@link Requests}). Sets keep the order given, without repeats; free text is stripped.
 */
public final class Commands {

    /**
     * @param birthDate as entered; empty where the population register supplies it
     */
    public record GiveConsent(
            Bsn subject,
            Optional<LocalDate> birthDate,
            List<Giver> givenBy,
            Set<Purpose> purposes,
            Set<OrganisationId> recipients,
            Set<OrganisationId> holders,
            Set<Category> categories,
            Optional<LocalDate> validFrom,
            Optional<LocalDate> validUntil,
            ConsentRecord.Method method,
            Optional<String> evidenceReference) {}

    /** One giver; {@code bsn} only to compare with the population register, never stored. */
    public record Giver(ConsentGiverRole role, String name, Optional<Bsn> bsn) {
        ConsentRecord.Giver stored() {
            return new ConsentRecord.Giver(role, name);
        }

        @Override
        public String toString() {
            return "Giver[" + role + "]";
        }
    }

    public record WithdrawConsent(UUID consent, String reason, ConsentGiverRole withdrawnBy) {}

    public record DeclareOverride(
            Bsn subject,
            Purpose purpose,
            Set<OrganisationId> recipients,
            Set<Category> categories,
            Optional<RiskLevel> riskLevel,
            Optional<String> justification,
            Optional<Integer> meldcodeStep,
            Optional<Duration> duration) {}

    public record ReviewOverride(UUID override, OverrideRecord.Verdict verdict, String note) {}

    public record RegisterMeasure(
            Bsn subject,
            LocalDate birthDate,
            MeasureType type,
            String courtReference,
            Optional<LocalDate> validFrom,
            LocalDate validUntil) {}

    private Commands() {}
}
