package nl.deelpoort.gateway.population;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.deelpoort.gateway.population.PopulationRegisterException.Failure;
import nl.deelpoort.policy.AuthorityKind;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.RegisteredAuthority;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one query the gateway asks the BRP API Personen, and how its answer becomes {@link RegisterFacts}.
 *
 * <p>The fields are what the consent rules need and no more (data minimisation is the API's own principle): {@code
 * burgerservicenummer} to be sure the answer is about the asked subject, {@code geboorte.datum} for the age band,
 * {@code leeftijd} to show the professional, and {@code gezag} for who may consent for a minor. Names, addresses,
 * parents and children are not asked: the gezag answer names the holders of authority itself.
 */
final class BrpQuery {

    static final String TYPE = "RaadpleegMetBurgerservicenummer";
    static final List<String> FIELDS = List.of("burgerservicenummer", "geboorte.datum", "leeftijd", "gezag");

    private static final Map<String, AuthorityKind> KINDS = Map.of(
            "EenhoofdigOuderlijkGezag", AuthorityKind.ONE_PARENT,
            "GezamenlijkOuderlijkGezag", AuthorityKind.BOTH_PARENTS,
            "GezamenlijkGezag", AuthorityKind.PARENT_AND_THIRD_PARTY,
            "Voogdij", AuthorityKind.GUARDIANSHIP,
            "TijdelijkGeenGezag", AuthorityKind.TEMPORARILY_NONE,
            "GezagNietTeBepalen", AuthorityKind.UNDETERMINED);

    private BrpQuery() {}

    static String body(JsonMapper json, Bsn subject) {
        ObjectNode body = json.createObjectNode();
        body.put("type", TYPE);
        body.putArray("burgerservicenummer").add(subject.value());
        FIELDS.forEach(body.putArray("fields")::add);
        return json.writeValueAsString(body);
    }

    /** The facts in a 200 answer about {@code subject}. */
    static RegisterFacts facts(JsonMapper json, Bsn subject, byte[] answer, Instant checkedAt) {
        JsonNode root;
        try {
            root = json.readTree(answer);
        } catch (JacksonException e) {
            // The parser's message quotes the input: keep it out.
            throw bad("no valid JSON");
        }
        if (root == null
                || !TYPE.equals(root.path("type").asString(null))
                || !root.path("personen").isArray()) {
            throw bad("no " + TYPE + " answer with personen");
        }
        JsonNode personen = root.path("personen");
        if (personen.isEmpty()) {
            return RegisterFacts.notRegistered(checkedAt);
        }
        if (personen.size() > 1) {
            throw bad("more than one person for one BSN");
        }
        JsonNode persoon = personen.get(0);
        if (!subject.value().equals(persoon.path("burgerservicenummer").asString(null))) {
            throw bad("a person with another BSN");
        }
        JsonNode datum = persoon.path("geboorte").path("datum");
        if (!"Datum".equals(datum.path("type").asString(null))) {
            // DatumOnbekend, JaarDatum, JaarMaandDatum: the age band cannot be known from a partial date.
            throw bad("no full birth date");
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(datum.path("datum").asString(""));
        } catch (DateTimeParseException e) {
            throw bad("a birth date that is not a date");
        }
        Integer age =
                persoon.path("leeftijd").isInt() ? persoon.path("leeftijd").asInt() : null;
        List<JsonNode> relations = new ArrayList<>();
        for (JsonNode relation : persoon.path("gezag")) {
            if (subject.value()
                    .equals(relation.path("minderjarige")
                            .path("burgerservicenummer")
                            .asString(null))) {
                relations.add(relation);
            }
        }
        boolean investigated =
                relations.stream().anyMatch(r -> r.path("inOnderzoek").asBoolean(false));
        return new RegisterFacts(true, birthDate, age, authority(relations), investigated, checkedAt);
    }

    /**
     * The authority over the subject from the gezag relations about them (those where they are the minor; a parent's
     * own gezag lists their children). None: no authority registered (an adult). More than one: the register is
     * unclear, so undetermined.
     */
    private static RegisteredAuthority authority(List<JsonNode> relations) {
        if (relations.isEmpty()) {
            return RegisteredAuthority.none(AuthorityKind.NONE_REGISTERED);
        }
        if (relations.size() > 1) {
            return RegisteredAuthority.none(AuthorityKind.UNDETERMINED);
        }
        JsonNode relation = relations.get(0);
        AuthorityKind kind = KINDS.getOrDefault(relation.path("type").asString(""), AuthorityKind.UNDETERMINED);
        Set<Bsn> parents = new HashSet<>();
        Set<Bsn> thirdParties = new HashSet<>();
        boolean thirdPartyWithoutBsn = false;
        switch (kind) {
            case ONE_PARENT -> addBsn(relation.path("ouder"), parents);
            case BOTH_PARENTS -> relation.path("ouders").forEach(o -> addBsn(o, parents));
            case PARENT_AND_THIRD_PARTY -> {
                addBsn(relation.path("ouder"), parents);
                thirdPartyWithoutBsn = !addBsn(relation.path("derde"), thirdParties);
            }
            case GUARDIANSHIP -> {
                for (JsonNode derde : relation.path("derden")) {
                    thirdPartyWithoutBsn |= !addBsn(derde, thirdParties);
                }
                // Guardianship without a named person is an institution's (a certified institution as guardian).
                thirdPartyWithoutBsn |= relation.path("derden").isEmpty();
            }
            default -> {
                // temporarily nobody, undetermined: no holders
            }
        }
        return new RegisteredAuthority(kind, parents, thirdParties, thirdPartyWithoutBsn);
    }

    /** Adds the node's BSN when it has a valid one; false when it has none. */
    private static boolean addBsn(JsonNode holder, Set<Bsn> into) {
        String bsn = holder.path("burgerservicenummer").asString(null);
        if (bsn == null || !Bsn.isValid(bsn)) {
            return false;
        }
        into.add(Bsn.of(bsn));
        return true;
    }

    private static PopulationRegisterException bad(String what) {
        return new PopulationRegisterException(Failure.BAD_ANSWER, "The population register answered " + what + ".");
    }
}
