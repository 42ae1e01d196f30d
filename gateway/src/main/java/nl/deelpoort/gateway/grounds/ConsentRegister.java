package nl.deelpoort.gateway.grounds;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import nl.deelpoort.gateway.population.PopulationRegister;
import nl.deelpoort.gateway.population.PopulationRegisterException;
import nl.deelpoort.gateway.population.RegisterFacts;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import nl.deelpoort.gateway.web.validation.InputRules;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.ConsentGiverRules;
import nl.deelpoort.policy.ConsentGiverRules.Claim;
import nl.deelpoort.policy.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The population register's part in recording a consent: which birth date the age rules use, whether the givers hold
 * authority by the register, and what is recorded of the check (docs/population-register.md). The policy's rules
 * judge; this gathers the facts and never lets a consent pass silently unchecked: without the register it is recorded
 * as {@code NONE} (the deployment does not consult it) or {@code UNVERIFIED} (it could not be asked, and the
 * deployment chose to record such consents for review), and otherwise refused.
 */
@Component
class ConsentRegister {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentRegister.class);

    private final PopulationRegister register;
    private final ConsentGiverRules rules;
    private final Clock clock;

    ConsentRegister(PopulationRegister register, ConsentGiverRules rules, Clock clock) {
        this.register = register;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * What the check found.
     *
     * @param birthDate the birth date the age rules use: the register's, or the entered one when it was not consulted
     * @param violations the register's refusals, each by its field; empty when the givers hold up
     */
    record Outcome(LocalDate birthDate, RegisterCheck check, List<Violation> violations) {}

    /** The register could not be asked and the deployment refuses then (the default): 503, nothing recorded. */
    static final class UnavailableException extends ProblemException {
        UnavailableException(PopulationRegisterException cause) {
            super(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemTypes.UNAVAILABLE,
                    "Service unavailable",
                    "The population register (BRP) could not be asked, so the birth date and authority cannot be"
                            + " checked; the consent was not recorded. Try again later.",
                    "Consent refused: population register unavailable (" + cause.failure() + "): " + cause.getMessage(),
                    cause);
        }
    }

    Outcome check(Commands.GiveConsent c, LocalDate today) {
        if (!register.configured()) {
            return new Outcome(entered(c), RegisterCheck.none(), List.of());
        }
        RegisterFacts facts;
        try {
            facts = register.lookUp(c.subject());
        } catch (PopulationRegisterException e) {
            if (register.whenUnavailable() == PopulationRegister.WhenUnavailable.REFUSE) {
                throw new UnavailableException(e);
            }
            LocalDate birthDate = entered(c);
            // The operator's message names the failure, never the subject.
            LOG.warn("Population register unavailable ({}); consent recorded as UNVERIFIED for review", e.failure());
            List<RegisterCheck.GiverRelation> unverified = c.givenBy().stream()
                    .map(g -> RegisterCheck.GiverRelation.UNVERIFIED)
                    .toList();
            return new Outcome(
                    birthDate,
                    new RegisterCheck(RegisterCheck.Source.UNVERIFIED, clock.instant(), null, null, unverified),
                    List.of());
        }
        List<Violation> violations = new ArrayList<>();
        rules.checkRegistered(facts.registered()).forEach(r -> violations.add(new Violation("subject.bsn", r)));
        if (!facts.registered()) {
            return new Outcome(
                    null,
                    new RegisterCheck(RegisterCheck.Source.BRP, facts.checkedAt(), null, null, List.of()),
                    violations);
        }
        rules.checkBirthDate(c.birthDate(), facts.birthDate())
                .forEach(r -> violations.add(new Violation("subject.birthDate", r)));
        List<Claim> claims =
                c.givenBy().stream().map(g -> new Claim(g.role(), g.bsn())).toList();
        violations.addAll(rules.checkAuthority(claims, facts.authority()));
        List<RegisterCheck.GiverRelation> relations =
                c.givenBy().stream().map(ConsentRegister::relation).toList();
        return new Outcome(
                facts.birthDate(),
                new RegisterCheck(
                        RegisterCheck.Source.BRP,
                        facts.checkedAt(),
                        Period.between(facts.birthDate(), today).getYears(),
                        facts.authority().kind(),
                        relations),
                violations);
    }

    /** Whether the register is consulted: the console shows its facts only then. */
    boolean configured() {
        return register.configured();
    }

    /** The register's facts for the console's form, as they are. */
    RegisterFacts facts(Bsn subject) {
        return register.lookUp(subject);
    }

    /** What the register says of a giver who passed the authority check (a refused consent records nothing). */
    private static RegisterCheck.GiverRelation relation(Commands.Giver giver) {
        return switch (giver.role()) {
            case SUBJECT -> RegisterCheck.GiverRelation.SUBJECT;
            case PARENT_WITH_AUTHORITY -> RegisterCheck.GiverRelation.REGISTERED_PARENT;
            case GUARDIAN ->
                giver.bsn().isPresent()
                        ? RegisterCheck.GiverRelation.REGISTERED_GUARDIAN
                        : RegisterCheck.GiverRelation.REGISTERED_GUARDIAN_INSTITUTION;
            case LEGAL_REPRESENTATIVE -> RegisterCheck.GiverRelation.NOT_IN_REGISTER;
        };
    }

    /** The entered birth date, required when the register's is not used. */
    private static LocalDate entered(Commands.GiveConsent c) {
        return c.birthDate().orElseThrow(() -> InvalidRequestException.of("subject.birthDate", InputRules.REQUIRED));
    }
}
