package nl.deelpoort.gateway.console.professional;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.deelpoort.policy.ActingRole;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.Organisation;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;

/**
 * What the exchange forms offer, in the viewer's language: the framework's purposes, categories,
 * and each organisation with the acting roles it holds. A side of an exchange is chosen as one
 * value, organisation and role together ({@code plusteam:ADVISOR}), so that without any script a
 * form offers only roles the organisation holds.
 *
 * <p>Public, as are the members its templates use: template expressions read public types only.
 */
public record ExchangeChoices(List<Option> purposes, List<Party> parties, List<Option> categories) {

    /** One choice: the value sent and the words shown. */
    public record Option(String value, String label) {}

    /** An organisation and its roles, as an option group. */
    public record Party(String organisation, String name, List<PartyRole> roles) {}

    /**
     * One role of a party: {@code value} is organisation and role together, {@code label} names both
     * (an option read out alone still says which organisation), {@code role} the role alone.
     */
    public record PartyRole(String value, String label, Option role) {}

    /** An organisation and the role it acts in, as one form value; either part may be missing. */
    record Side(Optional<String> organisation, Optional<String> role) {

        static Side parse(String value) {
            if (value == null || value.isBlank()) {
                return new Side(Optional.empty(), Optional.empty());
            }
            int colon = value.indexOf(':');
            String organisation = colon < 0 ? value : value.substring(0, colon);
            String role = colon < 0 ? "" : value.substring(colon + 1);
            return new Side(
                    Optional.of(organisation).filter(s -> !s.isBlank()),
                    Optional.of(role).filter(s -> !s.isBlank()));
        }

        boolean is(OrganisationId id) {
            return organisation.filter(id.value()::equals).isPresent();
        }
    }

    private static String value(OrganisationId organisation, ActingRole role) {
        return organisation.value() + ":" + role.name();
    }

    static ExchangeChoices of(Framework framework, PolicyWords words) {
        return new ExchangeChoices(
                Arrays.stream(Purpose.values())
                        .map(p -> new Option(p.name(), words.title(p)))
                        .toList(),
                framework.organisations().stream()
                        .filter(o -> !o.actingRoles().isEmpty())
                        .map(o -> party(o, words))
                        .toList(),
                Arrays.stream(Category.values())
                        .map(c -> new Option(c.name(), words.title(c)))
                        .toList());
    }

    /** The parties other than {@code own}: who a push can go to. */
    List<Party> partiesExcept(OrganisationId own) {
        return parties.stream()
                .filter(p -> !p.organisation().equals(own.value()))
                .toList();
    }

    /** The roles {@code own} holds, as the roles a sender can act in. */
    List<Option> rolesOf(OrganisationId own) {
        return parties.stream()
                .filter(p -> p.organisation().equals(own.value()))
                .flatMap(p -> p.roles().stream())
                .map(PartyRole::role)
                .toList();
    }

    /** The first side {@code own} can take, the share-check's holder when the form opens. */
    Optional<String> firstSideOf(OrganisationId own) {
        return parties.stream()
                .filter(p -> p.organisation().equals(own.value()))
                .flatMap(p -> p.roles().stream())
                .map(PartyRole::value)
                .findFirst();
    }

    private static Party party(Organisation o, PolicyWords words) {
        List<PartyRole> roles = o.actingRoles().stream()
                .sorted()
                .map(r -> new PartyRole(
                        value(o.id(), r), o.name() + " – " + words.label(r), new Option(r.name(), words.title(r))))
                .toList();
        return new Party(o.id().value(), o.name(), roles);
    }
}
