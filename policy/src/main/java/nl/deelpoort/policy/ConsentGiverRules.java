package nl.deelpoort.policy;

import static nl.deelpoort.policy.Verdict.ALLOWED;
import static nl.deelpoort.policy.Verdict.refused;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import nl.deelpoort.policy.Verdict.Rule;

/**
 * Who may give consent for a subject, and for how long (docs/domain.md, Legal grounds). The rules
 * are small functions read top to bottom; the first refusal is the answer. Refusals are returned as
 * reasons for the gateway to show, never thrown.
 */
public final class ConsentGiverRules {
    private static final Set<ConsentGiverRole> PARENTAL =
            EnumSet.of(ConsentGiverRole.PARENT_WITH_AUTHORITY, ConsentGiverRole.GUARDIAN);

    private static final Text BORN_AFTER_CONSENT = Wording.of("CONSENT_GIVER_NOT_COMPETENT.bornAfterConsent");
    private static final Text UNDER_JOINT = Wording.of("CONSENT_GIVER_NOT_COMPETENT.underJoint");
    private static final Text JOINT = Wording.of("CONSENT_GIVER_NOT_COMPETENT.joint");
    private static final Text ALONE = Wording.of("CONSENT_GIVER_NOT_COMPETENT.alone");
    private static final Text ADULT = Wording.of("CONSENT_GIVER_NOT_COMPETENT.adult");
    private static final Text MONTHS = Wording.of("CONSENT_VALIDITY_INVALID.months");
    private static final Text BAND_UNDER_JOINT = Wording.of("CONSENT_GIVER_NOT_COMPETENT.band.underJoint");
    private static final Text BAND_JOINT = Wording.of("CONSENT_GIVER_NOT_COMPETENT.band.joint");
    private static final Text BAND_ALONE = Wording.of("CONSENT_GIVER_NOT_COMPETENT.band.alone");
    private static final Text BAND_ADULT = Wording.of("CONSENT_GIVER_NOT_COMPETENT.band.adult");
    private static final Text NO_AUTHORITY = Wording.of("CONSENT_GIVER_NOT_COMPETENT.noAuthority");
    private static final Text NO_GUARDIAN = Wording.of("CONSENT_GIVER_NOT_COMPETENT.noGuardian");
    private static final Text NOT_THE_GUARDIAN = Wording.of("CONSENT_GIVER_NOT_COMPETENT.notTheGuardian");
    private static final Text NOBODY_HAS_AUTHORITY = Wording.of("CONSENT_GIVER_NOT_COMPETENT.nobodyHasAuthority");
    private static final Text UNIDENTIFIED = Wording.of("CONSENT_GIVER_NOT_COMPETENT.unidentified");
    private static final Set<AuthorityKind> NOBODY =
            EnumSet.of(AuthorityKind.TEMPORARILY_NONE, AuthorityKind.UNDETERMINED, AuthorityKind.NONE_REGISTERED);

    /**
     * One person who gave consent as the check against the population register sees them: the role
     * they claim and, for a parent or guardian, their BSN (compared with the register's, never shown).
     */
    public record Claim(ConsentGiverRole role, Optional<Bsn> bsn) {
        public Claim {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(bsn, "bsn");
        }
    }

    /**
     * One age band of these rules as a form shows it before anything is entered: from which age,
     * up to which, and who gives consent then, in both languages.
     *
     * @param untilAge exclusive; empty for adults
     */
    public record AgeBand(int fromAge, OptionalInt untilAge, String nl, String en) {
        public AgeBand {
            Objects.requireNonNull(untilAge, "untilAge");
            Objects.requireNonNull(nl, "nl");
            Objects.requireNonNull(en, "en");
        }

        boolean includes(int age) {
            return age >= fromAge && (untilAge.isEmpty() || age < untilAge.getAsInt());
        }
    }

    /** Who gave consent for a subject of this age (negative when born after the consent). */
    private record Givers(ConsentPolicy policy, boolean bornAfterConsent, int age, Set<ConsentGiverRole> roles) {
        boolean subject() {
            return roles.contains(ConsentGiverRole.SUBJECT);
        }

        boolean parental() {
            return roles.stream().anyMatch(PARENTAL::contains);
        }
    }

    private static final List<Rule<Givers>> RULES = List.of(
            ConsentGiverRules::bornBeforeTheConsent,
            ConsentGiverRules::aChildHasAParentConsent,
            ConsentGiverRules::aMinorFromJointAgeConsentsWithAParent,
            ConsentGiverRules::aMinorFromAloneAgeConsentsPersonally,
            ConsentGiverRules::anAdultConsentsPersonallyOrByARepresentative);

    private final ConsentPolicy policy;
    private final List<AgeBand> bands;

    public ConsentGiverRules(ConsentPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        int joint = policy.jointFromAge();
        int alone = policy.aloneFromAge();
        int adult = policy.adultAge();
        this.bands = List.of(
                band(0, OptionalInt.of(joint), BAND_UNDER_JOINT.fill("joint", joint)),
                band(joint, OptionalInt.of(alone), BAND_JOINT.fill("joint", joint, "alone", alone)),
                band(alone, OptionalInt.of(adult), BAND_ALONE.fill("alone", alone, "adult", adult)),
                band(adult, OptionalInt.empty(), BAND_ADULT.fill("adult", adult)));
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
        Set<ConsentGiverRole> roles =
                givenBy.isEmpty() ? EnumSet.noneOf(ConsentGiverRole.class) : EnumSet.copyOf(givenBy);
        Givers givers = new Givers(
                policy, birthDate.isAfter(on), Period.between(birthDate, on).getYears(), roles);
        return Verdict.firstRefusal(RULES, givers);
    }

    /**
     * Checks a typed birth date against the one the population register holds: the register's is the
     * one the age rules use, so a different typed one means the professional has another person or a
     * typo in mind. No typed date: nothing to compare.
     *
     * @return empty when they agree, else one {@code CONSENT_BIRTH_DATE_MISMATCH} naming both
     */
    public List<Reason> checkBirthDate(Optional<LocalDate> typed, LocalDate registered) {
        Objects.requireNonNull(registered, "registered");
        if (typed.isEmpty() || typed.get().equals(registered)) {
            return List.of();
        }
        return List.of(ReasonCode.CONSENT_BIRTH_DATE_MISMATCH.reason("typed", typed.get(), "registered", registered));
    }

    /**
     * A consent is recorded only for a subject the population register knows, when it is consulted: a BSN it has no
     * living person for is a typo or someone no consent can be given for.
     *
     * @return empty when registered, else one {@code CONSENT_SUBJECT_NOT_REGISTERED}
     */
    public List<Reason> checkRegistered(boolean registered) {
        return registered ? List.of() : List.of(ReasonCode.CONSENT_SUBJECT_NOT_REGISTERED.reason());
    }

    /**
     * Checks that each parent or guardian who gave consent holds authority (gezag) over the subject
     * according to the population register: a parent must be one of the register's parents with
     * authority, a guardian one of the third parties it names (a guardian institution without a BSN
     * counts when the register names one without). The subject and a legal representative are not in
     * the register's gezag answer and are left to {@link #check}. A refusal is about the giver: field
     * {@code givenBy[i]}, or {@code givenBy[i].bsn} when the BSN needed to compare is missing.
     *
     * @return empty when every parent and guardian holds authority
     */
    public List<Violation> checkAuthority(List<Claim> givers, RegisteredAuthority authority) {
        Objects.requireNonNull(authority, "authority");
        List<Violation> found = new java.util.ArrayList<>();
        for (int i = 0; i < givers.size(); i++) {
            Claim giver = givers.get(i);
            String field = "givenBy[" + i + "]";
            Text refusal = authorityOf(giver, authority);
            if (refusal != null) {
                found.add(new Violation(
                        refusal == UNIDENTIFIED ? field + ".bsn" : field,
                        ReasonCode.CONSENT_GIVER_NOT_COMPETENT.reason(
                                "rule",
                                refusal.fill("authority", authority.kind(), "role", giver.role()),
                                "givers",
                                List.of(giver.role()))));
            }
        }
        return found;
    }

    /** Why the register does not back this giver, or null when it does (or has no say). */
    private static Text authorityOf(Claim giver, RegisteredAuthority authority) {
        if (!PARENTAL.contains(giver.role())) {
            return null;
        }
        if (NOBODY.contains(authority.kind())) {
            return NOBODY_HAS_AUTHORITY;
        }
        if (giver.role() == ConsentGiverRole.PARENT_WITH_AUTHORITY) {
            if (giver.bsn().isEmpty()) {
                return UNIDENTIFIED;
            }
            return authority.parents().contains(giver.bsn().get()) ? null : NO_AUTHORITY;
        }
        if (!authority.namesAThirdParty()) {
            return NO_GUARDIAN;
        }
        if (giver.bsn().isPresent()) {
            return authority.thirdParties().contains(giver.bsn().get()) ? null : NOT_THE_GUARDIAN;
        }
        return authority.thirdPartyWithoutBsn() ? null : UNIDENTIFIED;
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

    /**
     * The age bands these rules judge by, youngest first, so that a form can show who must consent
     * before the professional enters anyone (the ages come from the policy).
     */
    public List<AgeBand> ageBands() {
        return bands;
    }

    /**
     * The band {@link #check} judges a subject born on {@code birthDate} by on the day {@code on};
     * empty when the subject was born after that day.
     */
    public Optional<AgeBand> ageBand(LocalDate birthDate, LocalDate on) {
        if (birthDate.isAfter(on)) {
            return Optional.empty();
        }
        int age = Period.between(birthDate, on).getYears();
        return bands.stream().filter(b -> b.includes(age)).findFirst();
    }

    /** The end of a consent when none is given: start plus the policy's default validity. */
    public LocalDate defaultValidUntil(LocalDate validFrom) {
        return validFrom.plus(policy.defaultValidity());
    }

    // ---- the rules, one per age band; the bands do not overlap ----

    private static Verdict bornBeforeTheConsent(Givers g) {
        return g.bornAfterConsent() ? notCompetent(BORN_AFTER_CONSENT, g) : ALLOWED;
    }

    private static Verdict aChildHasAParentConsent(Givers g) {
        if (g.age() >= g.policy().jointFromAge() || g.parental()) {
            return ALLOWED;
        }
        return notCompetent(UNDER_JOINT.fill("joint", g.policy().jointFromAge(), "age", g.age()), g);
    }

    private static Verdict aMinorFromJointAgeConsentsWithAParent(Givers g) {
        ConsentPolicy p = g.policy();
        if (g.age() < p.jointFromAge() || g.age() >= p.aloneFromAge() || (g.subject() && g.parental())) {
            return ALLOWED;
        }
        return notCompetent(JOINT.fill("joint", p.jointFromAge(), "alone", p.aloneFromAge(), "age", g.age()), g);
    }

    private static Verdict aMinorFromAloneAgeConsentsPersonally(Givers g) {
        ConsentPolicy p = g.policy();
        if (g.age() < p.aloneFromAge() || g.age() >= p.adultAge() || g.subject()) {
            return ALLOWED;
        }
        return notCompetent(ALONE.fill("alone", p.aloneFromAge(), "age", g.age()), g);
    }

    private static Verdict anAdultConsentsPersonallyOrByARepresentative(Givers g) {
        if (g.age() < g.policy().adultAge()
                || g.subject()
                || g.roles().contains(ConsentGiverRole.LEGAL_REPRESENTATIVE)) {
            return ALLOWED;
        }
        return notCompetent(ADULT.fill("age", g.age()), g);
    }

    private static Verdict notCompetent(Text rule, Givers g) {
        return refused(ReasonCode.CONSENT_GIVER_NOT_COMPETENT.reason("rule", rule, "givers", g.roles()));
    }

    private static AgeBand band(int from, OptionalInt until, Text rule) {
        return new AgeBand(from, until, rule.nl(), rule.en());
    }

    private static Text period(Period p) {
        if (p.getYears() == 0 && p.getDays() == 0) {
            return MONTHS.fill("n", p.getMonths());
        }
        return new Text(p.toString(), p.toString());
    }
}
