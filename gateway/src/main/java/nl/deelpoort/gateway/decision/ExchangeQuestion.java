package nl.deelpoort.gateway.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.policy.ActingRole;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import tools.jackson.databind.JsonNode;

/**
 * A validated question "may these categories move?", typed past the web layer (STYLE 6). Built from
 * the raw body with every broken field named at once, so a client fixes its request in one go.
 *
 * <p>A problem names the field (with its index inside a list) and the rule, never the value: a
 * missing, {@code null} or empty value is "is required", a list element of the wrong JSON type
 * "must be a string". An invoked override is named by its id, a UUID, so that what the engine says
 * back about it ("override … is not known") can only ever repeat an id.
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

    /**
     * The raw body as clients send it (docs/api.md "Decisions"); strings so every error can be named, and
     * the categories as JSON values so that a {@code null} or a number in the list is named too.
     */
    public record Body(
            SubjectBody subject,
            String purpose,
            String actingRole,
            String holder,
            String holderRole,
            String recipient,
            String recipientRole,
            List<JsonNode> categories,
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
            subject = subject(body.subject(), errors);
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
                Category c = element(body.categories().get(i), "categories[" + i + "]", Category.class, errors);
                if (c != null) {
                    categories.add(c);
                }
            }
        }
        Optional<String> overrideId = overrideId(body.overrideId(), errors);
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

    /** The subject's BSN; an object without one is an error, not "no subject". */
    private static Optional<Bsn> subject(SubjectBody subject, List<InvalidField> errors) {
        String bsn = subject.bsn();
        if (bsn == null || bsn.isBlank()) {
            errors.add(new InvalidField("subject.bsn", "is required when a subject is given"));
            return Optional.empty();
        }
        if (!Bsn.isValid(bsn)) {
            errors.add(new InvalidField("subject.bsn", "must be 9 digits and pass the 11-check (elfproef)"));
            return Optional.empty();
        }
        return Optional.of(Bsn.of(bsn));
    }

    /**
     * An invoked override: absent, or a UUID (the form the gateway gives override ids), kept in
     * canonical lower-case form so that it matches the stored id whatever case the client used.
     */
    private static Optional<String> overrideId(String raw, List<InvalidField> errors) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        if (raw.length() == 36) {
            try {
                return Optional.of(UUID.fromString(raw).toString());
            } catch (IllegalArgumentException e) {
                // named below
            }
        }
        errors.add(new InvalidField("overrideId", "must be the id (a UUID) of a safety override"));
        return Optional.empty();
    }

    /** One element of a list of names: a non-empty string naming a constant of {@code type}. */
    private static <E extends Enum<E>> E element(JsonNode raw, String field, Class<E> type, List<InvalidField> errors) {
        if (raw == null || raw.isNull() || raw.isMissingNode()) {
            errors.add(new InvalidField(field, "is required"));
            return null;
        }
        if (!raw.isString()) {
            errors.add(new InvalidField(field, "must be a string, one of " + List.of(type.getEnumConstants())));
            return null;
        }
        return required(raw.stringValue(), field, type, errors);
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
