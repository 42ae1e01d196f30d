package nl.deelpoort.gateway.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;
import nl.deelpoort.gateway.web.validation.FreeText;
import nl.deelpoort.gateway.web.validation.InputRules;
import nl.deelpoort.gateway.web.validation.KnownOrganisation;
import nl.deelpoort.gateway.web.validation.OneOf;
import nl.deelpoort.gateway.web.validation.ValidBsn;
import nl.deelpoort.gateway.web.validation.Values;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Decision;
import nl.deelpoort.policy.LegalBasis;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import nl.deelpoort.policy.ReasonCode;

/**
 * The bodies of the audit calls as clients send them, their rules, and the typed queries they become.
 * The console builds the same bodies from its forms, so both edges share these rules.
 */
public final class AuditRequests {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 50;
    /** How deep a search may page (page × size): deeper, the officer should narrow the filters. */
    public static final long MAX_DEPTH = 100_000;

    static final String SIZE = "must be between 1 and " + MAX_SIZE;
    static final String DEPTH = "reaches beyond " + MAX_DEPTH + " entries; narrow the filters instead";
    /**
     * Override ids are random UUIDs (grounds' {@code Ids}). The filter is logged, so unlike the shared
     * UuidText constraint this refuses a blank one too rather than taking it as absent.
     */
    static final String UUID_FORM = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    /** A seed is logged: a closed format, and never a BSN (digits are allowed, so that is checked apart). */
    static final String SEED_FORM = "[A-Za-z0-9_-]{1,64}";

    static final String SEED = "must be 1 to 64 letters, digits, _ or -";

    /**
     * @param beforeSeq only entries before this seq: the later pages of a search pass its first page's
     *     {@code disclosureId}, so that entries logged since (its own audit queries too) shift no page
     */
    public record Search(AuditFilter filter, int page, int size, Optional<Long> beforeSeq) {}

    public record Sample(AuditFilter period, int size, String seed) {}

    /** A subject's timeline asked by a pseudonym the officer was shown (see {@code AuditTrail#runForReference}). */
    public record ReferenceTimeline(String reference, AuditFilter period) {}

    public record SubjectRef(
            @NotBlank(message = InputRules.REQUIRED) @ValidBsn
            String bsn) {}

    @Period
    public record SearchRequest(
            @Valid SubjectRef subject,
            @KnownOrganisation String organisation,
            @OneOf(Purpose.class) String purpose,
            @OneOf(LegalBasis.class) String legalBasis,
            @OneOf(Decision.class) String decision,
            @OneOf(EntryKind.class) String kind,
            @OneOf(ReasonCode.class) String reasonCode,

            @Pattern(regexp = UUID_FORM, message = InputRules.UUID)
            String overrideId,

            String from,
            String to,

            @Min(value = 0, message = "must not be negative")
            Integer page,

            @Min(value = 1, message = SIZE) @Max(value = MAX_SIZE, message = SIZE)
            Integer size,

            @Min(value = 0, message = "must not be negative")
            Long beforeSeq)
            implements Period.Bounds {

        public int pageOrFirst() {
            return page == null ? 0 : page;
        }

        public int sizeOrDefault() {
            return size == null ? DEFAULT_SIZE : size;
        }

        /** Beyond the pages a search may reach (checked across page and size, after the field rules). */
        public boolean tooDeep() {
            return pageOrFirst() > 0 && (long) pageOrFirst() * sizeOrDefault() > MAX_DEPTH;
        }

        public Search command() {
            return new Search(
                    new AuditFilter(
                            Optional.ofNullable(subject).map(s -> Bsn.of(s.bsn())),
                            text(organisation).map(OrganisationId::of),
                            Values.constant(Purpose.class, purpose),
                            Values.constant(LegalBasis.class, legalBasis),
                            Values.constant(Decision.class, decision),
                            Values.constant(EntryKind.class, kind),
                            Values.constant(ReasonCode.class, reasonCode),
                            Values.uuid(overrideId),
                            start(),
                            end()),
                    pageOrFirst(),
                    sizeOrDefault(),
                    Optional.ofNullable(beforeSeq));
        }
    }

    @Period
    public record TimelineRequest(
            @NotNull(message = InputRules.REQUIRED) @Valid SubjectRef subject, String from, String to)
            implements Period.Bounds {

        public AuditFilter command() {
            return AuditFilter.of(Optional.of(Bsn.of(subject.bsn())), start(), end());
        }
    }

    /**
     * A timeline by reference: the pseudonym a sample showed. Not checked for its form here: it is
     * never logged unless it names a subject the organisation knows, and anything else names none.
     */
    @Period
    public record ReferenceTimelineRequest(
            @NotBlank(message = InputRules.REQUIRED) String reference, String from, String to)
            implements Period.Bounds {

        public ReferenceTimeline command() {
            return new ReferenceTimeline(reference.strip(), AuditFilter.of(Optional.empty(), start(), end()));
        }
    }

    @Period
    public record SampleRequest(
            @NotBlank(message = InputRules.REQUIRED) String from,
            @NotBlank(message = InputRules.REQUIRED) String to,

            @NotNull(message = InputRules.REQUIRED)
            @Min(value = 1, message = SIZE)
            @Max(value = MAX_SIZE, message = SIZE)
            Integer size,

            @NotNull(message = InputRules.REQUIRED) @Pattern(regexp = SEED_FORM, message = SEED) @FreeText(max = 64)
            String seed)
            implements Period.Bounds {

        public Sample command() {
            return new Sample(AuditFilter.of(Optional.empty(), start(), end()), size, seed);
        }
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private AuditRequests() {}
}
