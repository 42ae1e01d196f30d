package nl.deelpoort.gateway.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.policy.ActingRole;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;

/**
 * A validated question "may these categories move?", typed past the web layer (STYLE 6). Built from
 * the raw body with every broken field named at once, so a client fixes its request in one go.
 */
public record ExchangeQuestion(
        Optional<Bsn> subject,
        Optional<LocalDate> birthDate,
        Purpose purpose,
        ActingRole actingRole,
        OrganisationId holder,
        Optional<ActingRole> holderRole,
        OrganisationId recipient,
        Optional<ActingRole> recipientRole,
        Set<Category> categories,
        Optional<String> overrideId) {

    /** The raw body as clients send it (API.md "Decisions"); strings so every error can be named. */
    public record Body(
            SubjectBody subject,
            String purpose,
            String actingRole,
            String holder,
            String holderRole,
            String recipient,
            String recipientRole,
            List<String> categories,
            String overrideId) {}

    public record SubjectBody(String bsn, String birthDate) {}

    static final int MAX_CATEGORIES = Category.values().length;

    /**
     * Validates {@code body}; {@code defaultRecipient} fills an absent recipient (a pull: the
     * caller is the recipient).
     */
    public static ExchangeQuestion from(Body body, Framework framework, Optional<String> defaultRecipient) {
        if (body == null) {
            throw new InvalidRequestException(List.of(new InvalidField("", "a JSON body is required")));
        }
        List<InvalidField> errors = new ArrayList<>();
        Optional<Bsn> subject = Optional.empty();
        Optional<LocalDate> birthDate = Optional.empty();
        if (body.subject() != null) {
            String bsn = body.subject().bsn();
            if (bsn == null || bsn.isBlank()) {
                errors.add(new InvalidField("subject.bsn", "is required when a subject is given"));
            } else if (!Bsn.isValid(bsn)) {
                errors.add(new InvalidField("subject.bsn", "must be 9 digits and pass the 11-check (elfproef)"));
            } else {
                subject = Optional.of(Bsn.of(bsn));
            }
            if (body.subject().birthDate() != null) {
                try {
                    birthDate = Optional.of(LocalDate.parse(body.subject().birthDate()));
                } catch (java.time.format.DateTimeParseException e) {
                    errors.add(new InvalidField("subject.birthDate", "must be a date yyyy-MM-dd"));
                }
            }
        }
        Purpose purpose = required(body.purpose(), "purpose", Purpose.class, errors);
        ActingRole actingRole = required(body.actingRole(), "actingRole", ActingRole.class, errors);
        Optional<ActingRole> holderRole = optional(body.holderRole(), "holderRole", ActingRole.class, errors);
        Optional<ActingRole> recipientRole = optional(body.recipientRole(), "recipientRole", ActingRole.class, errors);
        OrganisationId holder = organisation(body.holder(), "holder", framework, errors);
        String recipientRaw = body.recipient() != null ? body.recipient() : defaultRecipient.orElse(null);
        OrganisationId recipient = organisation(recipientRaw, "recipient", framework, errors);
        Set<Category> categories = EnumSet.noneOf(Category.class);
        if (body.categories() == null || body.categories().isEmpty()) {
            errors.add(new InvalidField("categories", "name at least one category"));
        } else if (body.categories().size() > MAX_CATEGORIES) {
            errors.add(new InvalidField("categories", "at most " + MAX_CATEGORIES + " categories"));
        } else {
            for (int i = 0; i < body.categories().size(); i++) {
                Category c = parse(body.categories().get(i), "categories[" + i + "]", Category.class, errors);
                if (c != null) {
                    categories.add(c);
                }
            }
        }
        Optional<String> overrideId = Optional.ofNullable(body.overrideId()).filter(s -> !s.isBlank());
        if (overrideId.isPresent() && overrideId.get().length() > 64) {
            errors.add(new InvalidField("overrideId", "at most 64 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ExchangeQuestion(
                subject,
                birthDate,
                purpose,
                actingRole,
                holder,
                holderRole,
                recipient,
                recipientRole,
                categories,
                overrideId);
    }

    private static OrganisationId organisation(
            String raw, String field, Framework framework, List<InvalidField> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new InvalidField(field, "is required"));
            return null;
        }
        if (!OrganisationId.isValid(raw)
                || framework.organisation(OrganisationId.of(raw)).isEmpty()) {
            errors.add(new InvalidField(field, "is not an organisation of the sharing framework"));
            return null;
        }
        return OrganisationId.of(raw);
    }

    private static <E extends Enum<E>> E required(String raw, String field, Class<E> type, List<InvalidField> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new InvalidField(field, "is required"));
            return null;
        }
        return parse(raw, field, type, errors);
    }

    private static <E extends Enum<E>> Optional<E> optional(
            String raw, String field, Class<E> type, List<InvalidField> errors) {
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.ofNullable(parse(raw, field, type, errors));
    }

    private static <E extends Enum<E>> E parse(String raw, String field, Class<E> type, List<InvalidField> errors) {
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidField(field, "must be one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }
}
