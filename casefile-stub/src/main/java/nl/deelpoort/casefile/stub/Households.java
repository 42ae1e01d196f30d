package nl.deelpoort.casefile.stub;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fictional households of the population register stub, on BSNs of the test range (9999xxxxx) that pass the
 * 11-check; the first household is the one of the case file stub's demo dossiers (Sanne, Mark, Lotte, Daan).
 *
 * <p>Apart from the demo household (whose birth dates are those of its case files), ages are fixed and birth dates are
 * not: each person is born {@code years} years and {@link #DAYS_PAST_BIRTHDAY} days before the day of asking, so that
 * "the 17-year-old" stays seventeen whenever the tests run and no birthday falls on the day of a test.
 */
final class Households {

    /** Days since the last birthday of every person: far from either birthday, whatever the day. */
    static final int DAYS_PAST_BIRTHDAY = 100;

    private static final DateTimeFormatter LONG =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));

    /** Who holds authority over a minor, in the terms of the BRP API's gezag information product. */
    sealed interface Authority {
        boolean heldBy(String bsn);

        /** Adds the relation's type and its holders to a gezag relation. */
        void describe(Map<String, Object> relation);
    }

    /** GezamenlijkOuderlijkGezag: both parents. */
    record BothParents(String first, String second) implements Authority {
        @Override
        public boolean heldBy(String bsn) {
            return first.equals(bsn) || second.equals(bsn);
        }

        @Override
        public void describe(Map<String, Object> relation) {
            relation.put("type", "GezamenlijkOuderlijkGezag");
            relation.put("ouders", List.of(ouder(first), ouder(second)));
        }
    }

    /** EenhoofdigOuderlijkGezag: one parent. */
    record OneParent(String parent) implements Authority {
        @Override
        public boolean heldBy(String bsn) {
            return parent.equals(bsn);
        }

        @Override
        public void describe(Map<String, Object> relation) {
            relation.put("type", "EenhoofdigOuderlijkGezag");
            relation.put("ouder", ouder(parent));
        }
    }

    /** Voogdij: the guardians with a BSN; none for an institution (which the register names without one). */
    record Guardianship(List<String> guardians) implements Authority {
        @Override
        public boolean heldBy(String bsn) {
            return guardians.contains(bsn);
        }

        @Override
        public void describe(Map<String, Object> relation) {
            relation.put("type", "Voogdij");
            relation.put(
                    "derden",
                    guardians.stream()
                            .map(bsn -> {
                                Map<String, Object> d = new LinkedHashMap<>();
                                d.put("type", "BekendeDerde");
                                d.putAll(ouder(bsn));
                                return d;
                            })
                            .toList());
        }
    }

    /** GezagNietTeBepalen, with the register's explanation. */
    record Undetermined(String explanation) implements Authority {
        @Override
        public boolean heldBy(String bsn) {
            return false;
        }

        @Override
        public void describe(Map<String, Object> relation) {
            relation.put("type", "GezagNietTeBepalen");
            relation.put("toelichting", explanation);
        }
    }

    /**
     * One person of the register.
     *
     * @param born the birth date of a person of the case file stub's demo household, so that both stubs agree; null for
     *     a person whose age is fixed instead ({@code years})
     */
    record Person(String bsn, String name, int years, LocalDate born, Authority authority) {
        static Person aged(String bsn, String name, int years, Authority authority) {
            return new Person(bsn, name, years, null, authority);
        }

        static Person born(String bsn, String name, LocalDate born, Authority authority) {
            return new Person(bsn, name, -1, born, authority);
        }
    }

    private static final List<Person> PEOPLE = List.of(
            // The demo household of the case file stub (Waalre), with its birth dates: joint authority after divorce.
            Person.born("999990019", "Sanne Bakker", LocalDate.of(1986, 2, 11), null),
            Person.born("999990056", "Mark de Wit", LocalDate.of(1984, 9, 22), null),
            Person.born(
                    "999990032", "Lotte de Wit", LocalDate.of(2012, 5, 1), new BothParents("999990019", "999990056")),
            Person.born(
                    "999990044", "Daan de Wit", LocalDate.of(2019, 3, 14), new BothParents("999990019", "999990056")),
            // Household 1 (Eindhoven): both parents hold authority over their 13-year-old.
            Person.aged("999990287", "Ilse Smit", 42, null),
            Person.aged("999990299", "Bram Smit", 44, null),
            Person.aged("999990305", "Julia Smit", 13, new BothParents("999990287", "999990299")),
            // Household 2 (Geldrop): separated; the mother alone holds authority, the father none.
            Person.aged("999990196", "Eva Jansen", 38, null),
            Person.aged("999990202", "Tom Visser", 39, null),
            Person.aged("999990214", "Noor Visser", 9, new OneParent("999990196")),
            Person.aged("999990226", "Sem Visser", 17, new OneParent("999990196")),
            // Household 3 (Mierlo): an aunt is the guardian.
            Person.aged("999990251", "Ingrid Mulder", 45, null),
            Person.aged("999990238", "Finn Mulder", 11, new Guardianship(List.of("999990251"))),
            // Household 4: a certified institution is the guardian (no BSN).
            Person.aged("999990263", "Yara Bos", 6, new Guardianship(List.of())),
            // Household 5: the register cannot tell who holds authority.
            Person.aged(
                    "999990275",
                    "Mees de Graaf",
                    5,
                    new Undetermined("gezag kan niet worden bepaald omdat de relatie tussen ouders onbekend is.")),
            // An adult on his own: the demo resident.
            Person.aged("999993653", "Jan Willem Verhoeven", 47, null),
            // Another adult on her own, for tests that record consents the demo resident must not have.
            Person.aged("999990317", "Petra Smit", 52, null));

    private static final Map<String, Person> BY_BSN = new LinkedHashMap<>();

    static {
        PEOPLE.forEach(p -> BY_BSN.put(p.bsn(), p));
    }

    private Households() {}

    static Optional<Person> find(String bsn) {
        return Optional.ofNullable(BY_BSN.get(bsn));
    }

    static List<Person> people() {
        return PEOPLE;
    }

    static LocalDate birthDate(Person person, LocalDate today) {
        return person.born() != null
                ? person.born()
                : today.minusDays(DAYS_PAST_BIRTHDAY).minusYears(person.years());
    }

    static int age(Person person, LocalDate today) {
        return Period.between(birthDate(person, today), today).getYears();
    }

    /**
     * The person as {@code RaadpleegMetBurgerservicenummer} answers with every field this stub knows: BSN, name, birth
     * date, age and gezag. A minor's gezag is about the minor; a parent's or guardian's lists the minors they hold
     * authority over, as the register does.
     */
    static Map<String, Object> persoon(Person person, LocalDate today) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("burgerservicenummer", person.bsn());
        p.put("naam", Map.of("volledigeNaam", person.name()));
        LocalDate born = birthDate(person, today);
        p.put("geboorte", Map.of("datum", datum(born)));
        p.put("leeftijd", age(person, today));
        List<Map<String, Object>> gezag = new ArrayList<>();
        for (Person minor : PEOPLE) {
            if (minor.authority() != null
                    && (minor == person || minor.authority().heldBy(person.bsn()))) {
                gezag.add(relation(minor, today));
            }
        }
        p.put("gezag", gezag);
        return p;
    }

    private static Map<String, Object> relation(Person minor, LocalDate today) {
        Map<String, Object> minderjarige = new LinkedHashMap<>();
        minderjarige.put("burgerservicenummer", minor.bsn());
        minderjarige.put("naam", Map.of("volledigeNaam", minor.name()));
        minderjarige.put("leeftijd", age(minor, today));
        Map<String, Object> r = new LinkedHashMap<>();
        minor.authority().describe(r);
        r.put("minderjarige", minderjarige);
        return r;
    }

    private static Map<String, Object> ouder(String bsn) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("burgerservicenummer", bsn);
        o.put("naam", Map.of("volledigeNaam", BY_BSN.get(bsn).name()));
        return o;
    }

    private static Map<String, Object> datum(LocalDate date) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", "Datum");
        d.put("datum", date.toString());
        d.put("langFormaat", LONG.format(date));
        return d;
    }
}
