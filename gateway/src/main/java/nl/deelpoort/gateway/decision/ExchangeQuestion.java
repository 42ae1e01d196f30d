package nl.deelpoort.gateway.decision;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.deelpoort.gateway.web.validation.InputRules;
import nl.deelpoort.gateway.web.validation.IsoDate;
import nl.deelpoort.gateway.web.validation.KnownOrganisation;
import nl.deelpoort.gateway.web.validation.OneOf;
import nl.deelpoort.gateway.web.validation.UuidText;
import nl.deelpoort.gateway.web.validation.ValidBsn;
import nl.deelpoort.gateway.web.validation.Values;
import nl.deelpoort.policy.ActingRole;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import tools.jackson.databind.JsonNode;

/**
 * The question "may these categories move?", typed: what evaluate, pull and push decide. It is
 * made from a {@link Body} that passed its constraints, so every value here is valid. An invoked
 * override is named by its id, a UUID, so that what the engine says back about it can only ever
 * repeat an id.
 */
public record ExchangeQuestion(
        Optional<Bsn> subject,
        Purpose purpose,
        ActingRole actingRole,
        OrganisationId holder,
        Optional<ActingRole> holderRole,
        OrganisationId recipient,
        Optional<ActingRole> recipientRole,
        Set<Category> categories,
        Optional<UUID> overrideId) {

    /** A subject as the client sends it (docs/api.md, "Common rules"); the birth date is checked, not used. */
    public record Subject(
            @NotBlank(message = InputRules.REQUIRED) @ValidBsn
            String bsn,

            @IsoDate String birthDate) {}

    /**
     * The body of evaluate and pull as clients send it (docs/api.md, "Decisions"): strings, so that
     * every broken field can be named; the categories as JSON values, so that a {@code null} or a
     * number in the list is named too. In the OpenAPI document it is the schema ExchangeQuestion.
     */
    @Schema(name = "ExchangeQuestion")
    public record Body(
            @Valid Subject subject,

            @NotBlank(message = InputRules.REQUIRED) @OneOf(Purpose.class)
            String purpose,

            @NotBlank(message = InputRules.REQUIRED) @OneOf(ActingRole.class)
            String actingRole,

            @NotBlank(message = InputRules.REQUIRED) @KnownOrganisation
            String holder,

            @OneOf(ActingRole.class) String holderRole,

            @NotBlank(message = InputRules.REQUIRED) @KnownOrganisation
            String recipient,

            @OneOf(ActingRole.class) String recipientRole,
            @CategoryNames List<JsonNode> categories,
            @UuidText String overrideId) {

        /** This body with {@code recipient} filled in when the client left it out (a pull: the caller). */
        public Body withRecipient(String defaultRecipient) {
            return recipient != null
                    ? this
                    : new Body(
                            subject,
                            purpose,
                            actingRole,
                            holder,
                            holderRole,
                            defaultRecipient,
                            recipientRole,
                            categories,
                            overrideId);
        }

        /** The typed question; only for a body that passed its constraints. */
        public ExchangeQuestion question() {
            return new ExchangeQuestion(
                    Optional.ofNullable(subject).map(s -> Bsn.of(s.bsn())),
                    Purpose.valueOf(purpose),
                    ActingRole.valueOf(actingRole),
                    OrganisationId.of(holder),
                    Values.constant(ActingRole.class, holderRole),
                    OrganisationId.of(recipient),
                    Values.constant(ActingRole.class, recipientRole),
                    categories.stream()
                            .map(c -> Category.valueOf(c.stringValue()))
                            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class))),
                    Values.uuid(overrideId));
        }
    }
}
