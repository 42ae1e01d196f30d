package nl.deelpoort.gateway.grounds;

import static nl.deelpoort.gateway.web.validation.InputRules.NOT_NULL;
import static nl.deelpoort.gateway.web.validation.InputRules.REQUIRED;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.deelpoort.gateway.web.validation.FreeText;
import nl.deelpoort.gateway.web.validation.KnownOrganisation;
import nl.deelpoort.gateway.web.validation.OneOf;
import nl.deelpoort.gateway.web.validation.ValidBsn;
import nl.deelpoort.gateway.web.validation.Values;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.ConsentGiverRole;
import nl.deelpoort.policy.MeasureType;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import nl.deelpoort.policy.RiskLevel;
import org.hibernate.validator.constraints.Range;

/**
 * Request bodies as clients send them (docs/api.md, "Legal grounds"), with their input rules: every
 * value that is stored or logged is a closed vocabulary, an organisation of the framework, a day, a
 * bounded number, the BSN, or free text without a BSN ({@link FreeText}). Once valid, a body becomes
 * its command ({@link Commands}). Blank text counts as absent.
 */
public final class Requests {

    static final String AT_LEAST_ONE = "name at least one";
    static final int MAX_GIVERS = 8;

    public record Subject(
            @NotBlank(message = REQUIRED) @ValidBsn String bsn) {}

    /** A subject whose age matters: consents and measures. */
    public record BornSubject(
            @NotBlank(message = REQUIRED) @ValidBsn String bsn,

            @NotBlank(message = REQUIRED) @Day(birth = true) String birthDate) {}

    /**
     * The subject of a consent: where the gateway consults the population register the birth date may be left out
     * (the register's is used, and one entered must agree with it); otherwise it is required ({@link Consents}).
     */
    public record ConsentSubject(
            @NotBlank(message = REQUIRED) @ValidBsn String bsn,

            @Day(birth = true) String birthDate) {}

    /**
     * One person who gave consent. The BSN of a parent or guardian is compared with the population register's
     * answer on authority and then dropped: it is neither stored nor logged.
     */
    public record Giver(
            @NotBlank(message = REQUIRED) @OneOf(ConsentGiverRole.class)
            String role,

            @FreeText(max = 200) String name,

            @ValidBsn String bsn) {

        public Giver(String role, String name) {
            this(role, name, null);
        }
    }

    public record Consent(
            @NotNull(message = REQUIRED) @Valid ConsentSubject subject,

            @NotEmpty(message = "name at least one person who gave consent")
            @Size(max = MAX_GIVERS, message = "at most " + MAX_GIVERS + " entries")
            List<@NotNull(message = NOT_NULL) @Valid Giver> givenBy,

            @NotEmpty(message = AT_LEAST_ONE) @Entries(Purpose.class)
            List<@NotBlank(message = REQUIRED) @OneOf(Purpose.class) String> purposes,

            @NotEmpty(message = AT_LEAST_ONE) @Entries(OrganisationId.class)
            List<@NotBlank(message = REQUIRED) @KnownOrganisation String> recipients,

            @Entries(OrganisationId.class) List<@NotBlank(message = REQUIRED) @KnownOrganisation String> holders,

            @NotEmpty(message = AT_LEAST_ONE) @Entries(Category.class)
            List<@NotBlank(message = REQUIRED) @OneOf(Category.class) String> categories,

            @Day String validFrom,
            @Day String validUntil,

            @NotBlank(message = REQUIRED) @OneOf(ConsentRecord.Method.class)
            String method,

            @FreeText(max = 200) String evidenceReference) {

        public Commands.GiveConsent command() {
            return new Commands.GiveConsent(
                    Bsn.of(subject.bsn()),
                    text(subject.birthDate()).map(LocalDate::parse),
                    givenBy.stream()
                            .map(g -> new Commands.Giver(
                                    ConsentGiverRole.valueOf(g.role()),
                                    text(g.name()).orElse(null),
                                    text(g.bsn()).map(Bsn::of)))
                            .toList(),
                    set(purposes, Purpose::valueOf),
                    set(recipients, OrganisationId::of),
                    set(holders, OrganisationId::of),
                    set(categories, Category::valueOf),
                    text(validFrom).map(LocalDate::parse),
                    text(validUntil).map(LocalDate::parse),
                    ConsentRecord.Method.valueOf(method),
                    text(evidenceReference));
        }
    }

    public record Search(@NotNull(message = REQUIRED) @Valid Subject subject) {

        public Bsn command() {
            return Bsn.of(subject.bsn());
        }
    }

    public record WithdrawnBy(
            @NotBlank(message = REQUIRED) @OneOf(ConsentGiverRole.class)
            String role) {}

    public record Withdrawal(
            @NotBlank(message = REQUIRED) @FreeText(max = 1000)
            String reason,

            @NotNull(message = REQUIRED) @Valid WithdrawnBy withdrawnBy) {

        public Commands.WithdrawConsent command(UUID consent) {
            return new Commands.WithdrawConsent(consent, reason.strip(), ConsentGiverRole.valueOf(withdrawnBy.role()));
        }
    }

    public record Override(
            @NotNull(message = REQUIRED) @Valid Subject subject,

            @NotBlank(message = REQUIRED) @OneOf(Purpose.class)
            String purpose,

            @NotEmpty(message = AT_LEAST_ONE) @Entries(OrganisationId.class)
            List<@NotBlank(message = REQUIRED) @KnownOrganisation String> recipients,

            @NotEmpty(message = AT_LEAST_ONE) @Entries(Category.class)
            List<@NotBlank(message = REQUIRED) @OneOf(Category.class) String> categories,

            @OneOf(RiskLevel.class) String riskLevel,
            @FreeText(max = 4000) String justification,

            @Range(min = 1, max = 5, message = "must be a step of the meldcode, 1 to 5")
            Integer meldcodeStep,

            Integer durationHours) {

        public Commands.DeclareOverride command() {
            return new Commands.DeclareOverride(
                    Bsn.of(subject.bsn()),
                    Purpose.valueOf(purpose),
                    set(recipients, OrganisationId::of),
                    set(categories, Category::valueOf),
                    text(riskLevel).map(RiskLevel::valueOf),
                    text(justification),
                    Optional.ofNullable(meldcodeStep),
                    Optional.ofNullable(durationHours).map(Duration::ofHours));
        }
    }

    public record Review(
            @NotBlank(message = REQUIRED) @OneOf(OverrideRecord.Verdict.class)
            String verdict,

            @NotBlank(message = REQUIRED) @FreeText(max = 4000)
            String note) {

        public Commands.ReviewOverride command(UUID override) {
            return new Commands.ReviewOverride(override, OverrideRecord.Verdict.valueOf(verdict), note.strip());
        }
    }

    /**
     * The review queue's filter and page, query parameters. A size above {@code
     * deelpoort.grounds.max-list-size} is answered with pages of that size (the answer names it).
     */
    public record ReviewQuery(
            @OneOf(OverrideRecord.ReviewStatus.class) String reviewStatus,

            @Min(value = 0, message = "must not be negative")
            Integer page,

            @Min(value = 1, message = "must be at least 1") Integer size) {

        public Optional<OverrideRecord.ReviewStatus> status() {
            return text(reviewStatus).map(OverrideRecord.ReviewStatus::valueOf);
        }

        public int pageOrFirst() {
            return page == null ? 0 : page;
        }
    }

    public record Measure(
            @NotNull(message = REQUIRED) @Valid BornSubject subject,

            @NotBlank(message = REQUIRED) @OneOf(MeasureType.class)
            String type,

            @NotBlank(message = REQUIRED) @FreeText(max = 100)
            String courtReference,

            @Day String validFrom,

            @NotBlank(message = REQUIRED) @Day String validUntil) {

        public Commands.RegisterMeasure command() {
            return new Commands.RegisterMeasure(
                    Bsn.of(subject.bsn()),
                    LocalDate.parse(subject.birthDate()),
                    MeasureType.valueOf(type),
                    courtReference.strip(),
                    text(validFrom).map(LocalDate::parse),
                    LocalDate.parse(validUntil));
        }
    }

    /** A ground's id from a path: anything but a UUID names no ground (404, not 400). */
    public static UUID id(String id, String what) {
        return Values.uuid(id).orElseThrow(() -> new GroundNotFoundException(what));
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static <T> Set<T> set(List<String> values, Function<String, T> parse) {
        return values == null
                ? Set.of()
                : Collections.unmodifiableSet(
                        new LinkedHashSet<>(values.stream().map(parse).toList()));
    }

    private Requests() {}
}
