package nl.deelpoort.gateway.grounds;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Reason;

/**
 * Collects every broken field of one request (with the policy's reasons where the rule has a code),
 * so that a professional fixes a refused ground in one go. Parsers return {@code null} on error and
 * record why; values are never echoed, since a field may hold a BSN. A {@code null} anywhere (a
 * missing object, a list element) is named like any other broken field, never a 500.
 *
 * <p>Every value a ground stores or logs passes one of these parsers: a closed vocabulary
 * ({@link #enumValue}, {@link #enumList}), an organisation of the framework ({@link #organisations}),
 * a date ({@link #date}), a BSN that is pseudonymised at once ({@link #bsn}), or free text
 * ({@link #text}), which is refused when it holds anything that reads as a BSN.
 */
final class Fields {

    static final String NO_BSN =
            "must not contain a BSN (nine digits passing the 11-check); refer to the" + " person in another way";

    static final String NOT_NULL = "must not be null";

    /** Dates outside these years are typing errors, and would not fit the database or date arithmetic. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private final List<InvalidField> fields = new ArrayList<>();
    private final List<Reason> reasons = new ArrayList<>();

    void add(String field, String problem) {
        fields.add(new InvalidField(field, problem));
    }

    /** A rule of the policy: the field names where, the reasons say why in both languages. */
    void add(String field, List<Reason> refused) {
        for (Reason reason : refused) {
            fields.add(new InvalidField(field, reason.code().name() + ": " + reason.messageEn()));
            reasons.add(reason);
        }
    }

    boolean ok() {
        return fields.isEmpty();
    }

    void throwIfAny() {
        if (!fields.isEmpty()) {
            throw GroundRefusedException.invalid(fields, reasons);
        }
    }

    Bsn bsn(Bodies.Subject subject, String path) {
        if (subject == null) {
            add(path, "is required");
            return null;
        }
        String bsn = subject.bsn();
        if (bsn == null || bsn.isBlank()) {
            add(path + ".bsn", "is required");
            return null;
        }
        if (!Bsn.isValid(bsn)) {
            add(path + ".bsn", "must be 9 digits and pass the 11-check (elfproef)");
            return null;
        }
        return Bsn.of(bsn);
    }

    /** A birth date: required, a date, and not after {@code today}. */
    LocalDate birthDate(Bodies.Subject subject, String path, LocalDate today) {
        if (subject == null) {
            return null;
        }
        LocalDate date = date(subject.birthDate(), path + ".birthDate", true);
        if (date != null && date.isAfter(today)) {
            add(path + ".birthDate", "must not be in the future");
            return null;
        }
        return date;
    }

    LocalDate date(String raw, String field, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            add(field, "must be a date yyyy-MM-dd");
            return null;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            add(field, "must be a date between " + EARLIEST + " and " + LATEST);
            return null;
        }
        return date;
    }

    <E extends Enum<E>> E enumValue(String raw, String field, Class<E> type, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            add(field, "must be one of " + List.of(type.getEnumConstants()));
            return null;
        }
    }

    /** Distinct values in the order given; {@code required} means at least one. */
    <E extends Enum<E>> Set<E> enumList(List<String> raw, String field, Class<E> type, boolean required) {
        Set<E> values = new LinkedHashSet<>();
        if (!sized(raw, field, required, type.getEnumConstants().length)) {
            return values;
        }
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i) == null) {
                add(field + "[" + i + "]", NOT_NULL);
                continue;
            }
            E value = enumValue(raw.get(i), field + "[" + i + "]", type, true);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** Organisations of the framework, distinct, in the order given. */
    Set<OrganisationId> organisations(List<String> raw, String field, Framework framework, boolean required) {
        Set<OrganisationId> values = new LinkedHashSet<>();
        if (!sized(raw, field, required, framework.organisations().size())) {
            return values;
        }
        for (int i = 0; i < raw.size(); i++) {
            String id = raw.get(i);
            if (id == null) {
                add(field + "[" + i + "]", NOT_NULL);
            } else if (!OrganisationId.isValid(id)
                    || framework.organisation(OrganisationId.of(id)).isEmpty()) {
                add(field + "[" + i + "]", "is not an organisation of the sharing framework");
            } else {
                values.add(OrganisationId.of(id));
            }
        }
        return values;
    }

    /**
     * Free text, trimmed; {@code null} when absent and not required. Refused when it holds a BSN
     * ({@link Bsn#appearsIn}): free text is stored, and a BSN there would outlive the pseudonym that
     * is the only key to the subject.
     */
    String text(String raw, String field, boolean required, int maxLength) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        String text = raw.strip();
        if (text.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
            return null;
        }
        if (Bsn.appearsIn(text)) {
            add(field, NO_BSN);
            return null;
        }
        return text;
    }

    private boolean sized(Collection<?> raw, String field, boolean required, int max) {
        if (raw == null || raw.isEmpty()) {
            if (required) {
                add(field, "name at least one");
            }
            return false;
        }
        if (raw.size() > max) {
            add(field, "at most " + max + " entries");
            return false;
        }
        return true;
    }
}
