package nl.deelpoort.policy;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who may give consent for a subject, and for how long (DOMAIN §5). Refusals are returned as
 * reasons for the gateway to show, never thrown.
 */
public final class ConsentGiverRules {
    private static final Set<ConsentGiverRole> PARENTAL =
            EnumSet.of(ConsentGiverRole.PARENT_WITH_AUTHORITY, ConsentGiverRole.GUARDIAN);

    private final ConsentPolicy policy;

    public ConsentGiverRules(ConsentPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public static ConsentGiverRules of(Framework framework) {
        return new ConsentGiverRules(framework.consentPolicy());
    }

    /**
     * Checks that the people who gave consent could give it for a subject born on {@code birthDate},
     * on the day {@code on}: under 12 a parent with authority or guardian; from 12 the minor and one
     * of them; from 16 the minor; adults themselves or their legal representative (ages from the
     * policy).
     *
     * @return empty when valid, else one {@code CONSENT_GIVER_NOT_COMPETENT} reason
     */
    public List<Reason> check(LocalDate birthDate, Collection<ConsentGiverRole> givenBy, LocalDate on) {
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(on, "on");
        Set<ConsentGiverRole> givers =
                givenBy.isEmpty() ? EnumSet.noneOf(ConsentGiverRole.class) : EnumSet.copyOf(givenBy);
        if (birthDate.isAfter(on)) {
            return refuse(
                    new Text(
                            "De geboortedatum ligt na de datum van de toestemming.",
                            "The birth date lies after the date of the consent."),
                    givers);
        }
        int age = Period.between(birthDate, on).getYears();
        boolean subject = givers.contains(ConsentGiverRole.SUBJECT);
        boolean parental = givers.stream().anyMatch(PARENTAL::contains);
        if (age < policy.jointFromAge()) {
            return parental
                    ? List.of()
                    : refuse(
                            Text.of(
                                    "Voor een kind jonger dan {joint} jaar (nu {age}) geeft een ouder met gezag of de"
                                            + " voogd toestemming.",
                                    "For a child under {joint} (now {age}) a parent with authority or the guardian"
                                            + " consents.",
                                    "joint",
                                    policy.jointFromAge(),
                                    "age",
                                    age),
                            givers);
        }
        if (age < policy.aloneFromAge()) {
            return subject && parental
                    ? List.of()
                    : refuse(
                            Text.of(
                                    "Een jeugdige van {joint} tot {alone} jaar (nu {age}) geeft zelf toestemming én"
                                            + " samen met een ouder met gezag of de voogd.",
                                    "A minor from {joint} up to {alone} (now {age}) consents personally and together"
                                            + " with a parent with authority or the guardian.",
                                    "joint",
                                    policy.jointFromAge(),
                                    "alone",
                                    policy.aloneFromAge(),
                                    "age",
                                    age),
                            givers);
        }
        if (age < policy.adultAge()) {
            return subject
                    ? List.of()
                    : refuse(
                            Text.of(
                                    "Een jeugdige vanaf {alone} jaar (nu {age}) geeft zelf toestemming; een ouder"
                                            + " alleen kan dat niet.",
                                    "A minor from {alone} (now {age}) consents personally; a parent alone cannot.",
                                    "alone",
                                    policy.aloneFromAge(),
                                    "age",
                                    age),
                            givers);
        }
        return subject || givers.contains(ConsentGiverRole.LEGAL_REPRESENTATIVE)
                ? List.of()
                : refuse(
                        Text.of(
                                "Een volwassene (nu {age} jaar) geeft zelf toestemming, of diens wettelijk"
                                        + " vertegenwoordiger (mentor, curator).",
                                "An adult (now {age}) consents personally, or through a legal representative"
                                        + " (mentor, curator).",
                                "age",
                                age),
                        givers);
    }

    /**
     * Checks a validity window: it must end after it starts and last at most the policy's maximum.
     *
     * @param validUntil exclusive end day
     */
    public List<Reason> checkValidity(LocalDate validFrom, LocalDate validUntil) {
        if (validUntil.isAfter(validFrom) && !validUntil.isAfter(validFrom.plus(policy.maxValidity()))) {
            return List.of();
        }
        return List.of(ReasonCode.CONSENT_VALIDITY_INVALID.reason(
                "max", period(policy.maxValidity()), "from", validFrom, "until", validUntil));
    }

    /** The end of a consent when none is given: start plus the policy's default validity. */
    public LocalDate defaultValidUntil(LocalDate validFrom) {
        return validFrom.plus(policy.defaultValidity());
    }

    private static List<Reason> refuse(Text rule, Set<ConsentGiverRole> givers) {
        return List.of(ReasonCode.CONSENT_GIVER_NOT_COMPETENT.reason("rule", rule, "givers", givers));
    }

    static Text period(Period p) {
        if (p.getYears() == 0 && p.getDays() == 0) {
            return Text.of("{n} maanden", "{n} months", "n", p.getMonths());
        }
        return new Text(p.toString(), p.toString());
    }
}
