package nl.deelpoort.gateway.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.LegalBasis;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import nl.deelpoort.policy.ReasonCode;

/** The bodies of the audit calls and their checks: every broken rule is named, all at once (422). */
final class AuditRequests {

    static final int MAX_SIZE = 200;
    static final int DEFAULT_SIZE = 50;
    /** Override ids are random UUIDs (grounds' {@code Ids}), written in lower case. */
    private static final Pattern OVERRIDE_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A seed is logged: a closed format, and never a BSN (checked apart, since digits are allowed). */
    private static final Pattern SEED = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    record SubjectRef(String bsn) {}

    record SearchRequest(
            SubjectRef subject,
            String organisation,
            String purpose,
            String legalBasis,
            String decision,
            String kind,
            String reasonCode,
            String overrideId,
            String from,
            String to,
            Integer page,
            Integer size) {}

    record TimelineRequest(SubjectRef subject, String from, String to) {}

    record SampleRequest(String from, String to, Integer size, String seed) {}

    record Paged(AuditFilter filter, int page, int size) {}

    record Sample(AuditFilter period, int size, String seed) {}

    private final Framework framework;
    private final SubjectPseudonyms pseudonyms;

    AuditRequests(Framework framework, SubjectPseudonyms pseudonyms) {
        this.framework = framework;
        this.pseudonyms = pseudonyms;
    }

    /** @param organisation the officer's: a subject given counts only as known to it */
    Paged search(SearchRequest r, OrganisationId organisation) {
        if (r == null) {
            throw new InvalidRequestException(List.of(new InvalidField("body", "is required")));
        }
        List<InvalidField> bad = new ArrayList<>();
        String party = null;
        if (r.organisation() != null) {
            if (!OrganisationId.isValid(r.organisation())
                    || framework
                            .organisation(OrganisationId.of(r.organisation()))
                            .isEmpty()) {
                bad.add(new InvalidField("organisation", "is not an organisation of the framework"));
            } else {
                party = r.organisation();
            }
        }
        String purpose = oneOf(bad, "purpose", r.purpose(), names(Purpose.values(), Purpose::name));
        String legalBasis = oneOf(bad, "legalBasis", r.legalBasis(), names(LegalBasis.values(), LegalBasis::name));
        String decision = oneOf(bad, "decision", r.decision(), List.copyOf(LogEntry.DECISIONS));
        String kind = oneOf(bad, "kind", r.kind(), names(EntryKind.values(), EntryKind::name));
        String reasonCode = oneOf(bad, "reasonCode", r.reasonCode(), names(ReasonCode.values(), ReasonCode::name));
        String overrideId = null;
        if (r.overrideId() != null) {
            if (!OVERRIDE_ID.matcher(r.overrideId()).matches()) {
                bad.add(new InvalidField("overrideId", "must be an override id (a UUID)"));
            } else {
                overrideId = r.overrideId().toLowerCase(Locale.ROOT);
            }
        }
        Instant from = instant(bad, "from", r.from(), false);
        Instant to = instant(bad, "to", r.to(), true);
        checkOrder(bad, from, to);
        int page = r.page() == null ? 0 : r.page();
        if (page < 0) {
            bad.add(new InvalidField("page", "must not be negative"));
        }
        int size = r.size() == null ? DEFAULT_SIZE : r.size();
        if (size < 1 || size > MAX_SIZE) {
            bad.add(new InvalidField("size", "must be between 1 and " + MAX_SIZE));
        }
        if (page > 0 && (long) page * size > 100_000) {
            bad.add(new InvalidField("page", "reaches beyond 100000 entries; narrow the filters instead"));
        }
        if (r.subject() != null && !Bsn.isValid(r.subject().bsn())) {
            bad.add(new InvalidField("subject.bsn", "must be nine digits passing the 11-check"));
        }
        throwIfAny(bad);
        return new Paged(
                new AuditFilter(
                        r.subject() != null,
                        r.subject() == null
                                ? Optional.empty()
                                : pseudonyms.knownTo(Bsn.of(r.subject().bsn()), organisation),
                        party,
                        purpose,
                        legalBasis,
                        decision,
                        kind,
                        reasonCode,
                        overrideId,
                        from,
                        to),
                page,
                size);
    }

    /** @param organisation the officer's: the subject counts only as known to it */
    AuditFilter timeline(TimelineRequest r, OrganisationId organisation) {
        if (r == null) {
            throw new InvalidRequestException(List.of(new InvalidField("body", "is required")));
        }
        List<InvalidField> bad = new ArrayList<>();
        if (r.subject() == null) {
            bad.add(new InvalidField("subject", "is required"));
        } else if (!Bsn.isValid(r.subject().bsn())) {
            bad.add(new InvalidField("subject.bsn", "must be nine digits passing the 11-check"));
        }
        Instant from = instant(bad, "from", r.from(), false);
        Instant to = instant(bad, "to", r.to(), true);
        checkOrder(bad, from, to);
        throwIfAny(bad);
        return AuditFilter.subject(pseudonyms.knownTo(Bsn.of(r.subject().bsn()), organisation), from, to);
    }

    Sample sample(SampleRequest r) {
        if (r == null) {
            throw new InvalidRequestException(List.of(new InvalidField("body", "is required")));
        }
        List<InvalidField> bad = new ArrayList<>();
        AuditFilter period = period(bad, r.from(), r.to());
        if (r.size() == null || r.size() < 1 || r.size() > MAX_SIZE) {
            bad.add(new InvalidField("size", "is required, between 1 and " + MAX_SIZE));
        }
        if (r.seed() == null || !SEED.matcher(r.seed()).matches()) {
            bad.add(new InvalidField("seed", "is required: 1 to 64 letters, digits, _ or -"));
        } else if (Bsn.appearsIn(r.seed())) {
            bad.add(new InvalidField("seed", "must not contain a BSN (the seed is logged)"));
        }
        throwIfAny(bad);
        return new Sample(period, r.size(), r.seed());
    }

    AuditFilter statistics(String from, String to) {
        List<InvalidField> bad = new ArrayList<>();
        AuditFilter period = period(bad, from, to);
        throwIfAny(bad);
        return period;
    }

    private static AuditFilter period(List<InvalidField> bad, String rawFrom, String rawTo) {
        if (rawFrom == null) {
            bad.add(new InvalidField("from", "is required"));
        }
        if (rawTo == null) {
            bad.add(new InvalidField("to", "is required"));
        }
        Instant from = instant(bad, "from", rawFrom, false);
        Instant to = instant(bad, "to", rawTo, true);
        checkOrder(bad, from, to);
        return AuditFilter.period(from, to);
    }

    /**
     * A date is a whole day in Europe/Amsterdam: {@code from} its start, {@code to} the start of the
     * next day (so "to: 2026-03-31" includes the 31st); a date-time with offset is taken as is.
     */
    private static Instant instant(List<InvalidField> bad, String field, String raw, boolean end) {
        if (raw == null) {
            return null;
        }
        try {
            if (raw.length() == 10) {
                LocalDate day = LocalDate.parse(raw);
                return (end ? day.plusDays(1) : day)
                        .atStartOfDay(Framework.ZONE)
                        .toInstant();
            }
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            bad.add(new InvalidField(field, "must be a date (2026-03-31) or a date-time with offset"));
            return null;
        }
    }

    private static void checkOrder(List<InvalidField> bad, Instant from, Instant to) {
        if (from != null && to != null && !to.isAfter(from)) {
            bad.add(new InvalidField("to", "must be after from"));
        }
    }

    private static String oneOf(List<InvalidField> bad, String field, String value, List<String> allowed) {
        if (value == null) {
            return null;
        }
        if (!allowed.contains(value)) {
            bad.add(new InvalidField(
                    field, "must be one of " + allowed.stream().sorted().toList()));
            return null;
        }
        return value;
    }

    private static <T> List<String> names(T[] values, Function<T, String> name) {
        return Arrays.stream(values).map(name).toList();
    }

    private static void throwIfAny(List<InvalidField> bad) {
        if (!bad.isEmpty()) {
            throw new InvalidRequestException(bad);
        }
    }
}
