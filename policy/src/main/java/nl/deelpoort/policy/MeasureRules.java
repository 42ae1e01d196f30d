package nl.deelpoort.policy;

import static nl.deelpoort.policy.Verdict.ALLOWED;
import static nl.deelpoort.policy.Verdict.refused;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who registers a child-protection measure, and for whom and how long (docs/domain.md, Legal
 * grounds): a certified institution, for a minor, ending after it starts; supervision (OTS) and
 * guardianship end by law when the child comes of age.
 *
 * <p>For the gateway: {@link #checkRegistrar} answers whether the organisation may register a
 * measure at all (a refusal there is about who asks: 403); {@link #violations} names the fields of
 * the request that break a rule (422).
 */
public final class MeasureRules {
    /** Supervision and guardianship end by law when the child comes of age; juvenile probation may not. */
    static final Set<MeasureType> END_AT_MAJORITY = EnumSet.of(MeasureType.OTS, MeasureType.VOOGDIJ);

    /** A measure as asked, on the day it is registered; the subject comes of age at {@code adultAge}. */
    private record Registration(
            MeasureType type,
            LocalDate birthDate,
            LocalDate validFrom,
            LocalDate validUntil,
            LocalDate today,
            int adultAge) {

        LocalDate majority() {
            return birthDate.plusYears(adultAge);
        }

        /** The first day the measure counts: its start, or today when that lies in the past. */
        LocalDate start() {
            return validFrom.isAfter(today) ? validFrom : today;
        }
    }

    private final Framework framework;

    public MeasureRules(Framework framework) {
        this.framework = Objects.requireNonNull(framework, "framework");
    }

    /**
     * @return empty when this organisation may register measures; else one violation of field
     *     {@code ""} ({@code MEASURE_REGISTRAR_NOT_ALLOWED})
     */
    public List<Violation> checkRegistrar(OrganisationId registrar) {
        boolean certified = framework
                .organisation(registrar)
                .map(o -> o.kind() == OrganisationKind.CERTIFIED_INSTITUTION)
                .orElse(false);
        return certified ? List.of() : List.of(new Violation("", ReasonCode.MEASURE_REGISTRAR_NOT_ALLOWED.reason()));
    }

    /**
     * Every rule the measure breaks, on the field of the gateway's request it is about: {@code
     * validUntil} (not after {@code validFrom}), {@code subject.birthDate} (not a minor on the first
     * day the measure counts), {@code validUntil} (an OTS or guardianship beyond the day the child
     * comes of age).
     *
     * @param validUntil exclusive end day
     * @param today the day of registering, in the Netherlands
     */
    public List<Violation> violations(
            MeasureType type, LocalDate birthDate, LocalDate validFrom, LocalDate validUntil, LocalDate today) {
        Registration r = new Registration(
                Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(birthDate, "birthDate"),
                Objects.requireNonNull(validFrom, "validFrom"),
                Objects.requireNonNull(validUntil, "validUntil"),
                Objects.requireNonNull(today, "today"),
                framework.consentPolicy().adultAge());
        List<Violation> found = new ArrayList<>();
        Violation.add(found, "validUntil", endsAfterItStarts(r));
        Violation.add(found, "subject.birthDate", forAMinorOnly(r));
        Violation.add(found, "validUntil", endsByLawAtMajority(r));
        return List.copyOf(found);
    }

    // ---- the rules ----

    private static Verdict endsAfterItStarts(Registration r) {
        return r.validUntil().isAfter(r.validFrom()) ? ALLOWED : refused(ReasonCode.MEASURE_VALIDITY_INVALID.reason());
    }

    private static Verdict forAMinorOnly(Registration r) {
        return r.start().isBefore(r.majority())
                ? ALLOWED
                : refused(ReasonCode.MEASURE_SUBJECT_NOT_A_MINOR.reason(
                        "adultAge", r.adultAge(), "date", r.start().toString()));
    }

    /** Only asked of a minor: for an adult, {@link #forAMinorOnly} already refused. */
    private static Verdict endsByLawAtMajority(Registration r) {
        if (!r.start().isBefore(r.majority())
                || !END_AT_MAJORITY.contains(r.type())
                || !r.validUntil().isAfter(r.majority())) {
            return ALLOWED;
        }
        return refused(ReasonCode.MEASURE_ENDS_AT_MAJORITY.reason(
                "type", r.type(), "majority", r.majority().toString()));
    }
}
